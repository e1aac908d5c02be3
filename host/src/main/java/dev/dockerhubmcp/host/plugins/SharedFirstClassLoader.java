package dev.dockerhubmcp.host.plugins;

import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

import java.util.List;

/**
 * A plugin's class loader: the plugin's own classes load from its jar first (so plugins can carry private
 * dependencies), but the packages every plugin shares with the host — the plugin API (and the engine behind it),
 * Jackson, slf4j, PF4J — always come from the host, even if a jar bundles its own copy. Otherwise a fat jar would see
 * its own {@code ObjectNode} and fail with a ClassCastException at the API boundary.
 */
final class SharedFirstClassLoader extends PluginClassLoader {
    static final List<String> SHARED = List.of("dev.dockerhubmcp.api.", "dev.dockerhubmcp.engine.",
        "com.fasterxml.jackson.", "org.slf4j.", "org.pf4j.", "io.modelcontextprotocol.", "io.helidon.", "reactor.");

    SharedFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        for (String prefix : SHARED) {
            if (className.startsWith(prefix)) {
                return getParent().loadClass(className);
            }
        }
        return super.loadClass(className);
    }
}
