package dev.dockerhubmcp.host.plugins;

import dev.dockerhubmcp.api.DockerHubPlugin;
import org.pf4j.DefaultExtensionFinder;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.pf4j.ServiceProviderExtensionFinder;
import org.pf4j.processor.ExtensionStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a plugin jar's extensions in both indexes a jar may carry: PF4J's {@code META-INF/extensions.idx} (written by
 * its annotation processor) and the standard service-provider file
 * {@code META-INF/services/dev.dockerhubmcp.api.DockerHubPlugin}. A class named in both is one extension.
 */
final class PluginExtensionFinder extends DefaultExtensionFinder {
    /** The service-provider file a plugin jar declares its extension in. */
    static final String SERVICES = "META-INF/services/" + DockerHubPlugin.class.getName();

    PluginExtensionFinder(PluginManager manager) {
        super(manager); // PF4J's extensions.idx finder
        add(new Services(manager));
    }

    @Override
    public <T> List<ExtensionWrapper<T>> find(Class<T> type, String pluginId) {
        return distinct(super.find(type, pluginId));
    }

    @Override
    public <T> List<ExtensionWrapper<T>> find(Class<T> type) {
        return distinct(super.find(type));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<ExtensionWrapper> find(String pluginId) {
        List<ExtensionWrapper> out = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (ExtensionWrapper w : super.find(pluginId)) {
            if (seen.add(w.getDescriptor().extensionClass)) {
                out.add(w);
            }
        }
        return out;
    }

    private static <T> List<ExtensionWrapper<T>> distinct(List<ExtensionWrapper<T>> found) {
        List<ExtensionWrapper<T>> out = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (ExtensionWrapper<T> w : found) {
            if (seen.add(w.getDescriptor().extensionClass)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * PF4J's service-provider finder, reading only each plugin jar's own services file for the one extension point.
     * (PF4J's version lists the {@code META-INF/services} folder, which a jar without directory entries does not
     * have, and would read every other services file a plugin bundles with its libraries; and it scans the host's
     * class path, which holds no plugins.)
     */
    private static final class Services extends ServiceProviderExtensionFinder {
        private static final Logger LOG = LoggerFactory.getLogger(PluginExtensionFinder.class);

        Services(PluginManager manager) {
            super(manager);
        }

        @Override
        public Map<String, Set<String>> readClasspathStorages() {
            return Map.of();
        }

        @Override
        public Map<String, Set<String>> readPluginsStorages() {
            Map<String, Set<String>> result = new LinkedHashMap<>();
            for (PluginWrapper plugin : pluginManager.getPlugins()) {
                Set<String> classes = new LinkedHashSet<>();
                if (plugin.getPluginClassLoader() instanceof PluginClassLoader loader) {
                    try {
                        // findResources: this jar only, never the host's class path
                        Enumeration<URL> urls = loader.findResources(SERVICES);
                        while (urls.hasMoreElements()) {
                            try (InputStreamReader r = new InputStreamReader(urls.nextElement().openStream(),
                                StandardCharsets.UTF_8)) {
                                ExtensionStorage.read(r, classes);
                            }
                        }
                    } catch (IOException e) {
                        LOG.warn("cannot read {} of plugin {}: {}", SERVICES, plugin.getPluginId(), e.getMessage());
                    }
                }
                result.put(plugin.getPluginId(), classes);
            }
            return result;
        }
    }
}
