package dev.dockerhubmcp.host.plugins;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.PluginInfo;
import org.pf4j.ExtensionFinder;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;

import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Loads plugin jars with PF4J, one by one, so that a corrupt jar, a jar built for another plugin API, a plugin whose
 * start throws, a tool name already taken, or an action parameter named like a routing parameter of the
 * consolidated tool ({@code action}, {@code params}, {@code params_json}) costs exactly that plugin: one clear line on
 * stderr naming the file and the reason, and every other plugin still serves. Toggles ({@code REPOSTOOL=false}) and
 * {@code plugins/disabled.txt} keep a plugin from starting at all. A jar declares its extension as a standard service
 * provider ({@code META-INF/services/dev.dockerhubmcp.api.DockerHubPlugin}) or in PF4J's {@code META-INF/extensions.idx};
 * either is enough.
 */
public final class PluginJarLoader implements AutoCloseable {
    private static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    /** The consolidated tool's routing parameters: an action parameter of the same name would be unreachable. */
    static final List<String> ROUTING = List.of("action", "params", "params_json");

    private final Path dir;
    private final String apiVersion;
    private final Predicate<String> toggledOn;
    private final Consumer<String> warn;
    private final Manager manager;
    private final List<LoadedPlugin> loaded = new ArrayList<>();
    private final List<PluginInfo> infos = new ArrayList<>();

    /**
     * @param dir        the plugins folder
     * @param apiVersion this host's plugin API version (checked against each jar's {@code Plugin-Requires})
     * @param toggledOn  whether a toggle variable (e.g. REPOSTOOL) leaves its plugin on
     * @param warn       where the one-line problems go (stderr)
     */
    public PluginJarLoader(Path dir, String apiVersion, Predicate<String> toggledOn, Consumer<String> warn) {
        this.dir = requireNonNull(dir, "dir is null");
        this.apiVersion = requireNonNull(apiVersion, "apiVersion is null");
        this.toggledOn = requireNonNull(toggledOn, "toggledOn is null");
        this.warn = requireNonNull(warn, "warn is null");
        this.manager = new Manager(dir);
        this.manager.setSystemVersion(apiVersion);
    }

    /** Loads and starts every jar in the folder (sorted by file name, so conflicts resolve the same way each time). */
    public PluginJarLoader load() {
        if (!Files.isDirectory(dir)) {
            warn.accept("plugins folder " + dir + " does not exist: no tools will be served");
            return this;
        }
        Set<String> disabled = readDisabled();
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
            ds.forEach(jars::add);
        } catch (IOException e) {
            warn.accept("cannot read plugins folder " + dir + ": " + e.getMessage());
            return this;
        }
        jars.sort(null);
        Map<String, LoadedPlugin> byTool = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        // PF4J loads jars one by one; each plugin's actions (its classes' initialisation, schema building) are
        // built on another thread meanwhile, and registered in jar order afterwards, so conflicts resolve the same
        // way every time.
        List<Pending> pending = new ArrayList<>();
        ExecutorService builders = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "plugin-actions");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Path jar : jars) {
                loadOne(jar, disabled, ids, pending, builders);
            }
            for (Pending p : pending) {
                register(p, byTool);
            }
        } finally {
            builders.shutdownNow();
        }
        return this;
    }

    /** A started extension whose actions are being built. */
    private record Pending(DockerHubPlugin plugin, String id, String version, String file,
                           Future<List<Action>> actions) {
    }

    private void loadOne(Path jar, Set<String> disabled, Set<String> ids, List<Pending> pending,
                         ExecutorService builders) {
        String file = jar.getFileName().toString();
        Manifest manifest;
        try (JarFile jf = new JarFile(jar.toFile())) {
            manifest = jf.getManifest();
        } catch (IOException | SecurityException e) {
            fail(file, file, null, "the jar is unreadable or corrupt (" + e.getMessage() + ")");
            return;
        }
        Attributes a = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String id = a.getValue("Plugin-Id");
        String version = a.getValue("Plugin-Version");
        String requires = a.getValue("Plugin-Requires");
        if (id == null || id.isBlank() || version == null) {
            fail(file, file, version, "not a plugin jar (its manifest has no Plugin-Id/Plugin-Version)");
            return;
        }
        if (ids.contains(id)) {
            fail(id, file, version, "another jar already provides plugin id '" + id + "'");
            return;
        }
        String toggle = id.toUpperCase(Locale.ROOT) + "TOOL";
        if (!toggledOn.test(toggle)) {
            disabledInfo(id, version, file, toggle + "=false");
            return;
        }
        if (disabled.contains(id)) {
            disabledInfo(id, version, file, "listed in " + dir.resolve("disabled.txt").getFileName());
            return;
        }
        if (requires != null && !requires.isBlank() && !requires.trim().equals("*")) {
            boolean ok;
            try {
                ok = manager.getVersionManager().checkVersionConstraint(apiVersion, requires.trim());
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) {
                fail(id, file, version, "built for plugin API " + requires.trim() + ", but this host provides "
                    + apiVersion + "; rebuild the plugin against this API");
                return;
            }
        }
        String pluginId;
        try {
            pluginId = manager.loadPlugin(jar);
        } catch (RuntimeException | LinkageError e) {
            fail(id, file, version, "PF4J could not load it: " + message(e));
            return;
        }
        if (pluginId == null) {
            fail(id, file, version, "PF4J could not load it");
            return;
        }
        PluginState state;
        try {
            state = manager.startPlugin(pluginId);
        } catch (RuntimeException | LinkageError e) {
            fail(id, file, version, "its start threw " + message(e));
            unload(pluginId);
            return;
        }
        if (state != PluginState.STARTED) {
            PluginWrapper w = manager.getPlugin(pluginId);
            Throwable why = w == null ? null : w.getFailedException();
            fail(id, file, version, "it did not start (" + state + (why == null ? "" : ": " + message(why)) + ")");
            unload(pluginId);
            return;
        }
        List<DockerHubPlugin> extensions;
        try {
            extensions = manager.getExtensions(DockerHubPlugin.class, pluginId);
        } catch (RuntimeException | LinkageError e) {
            fail(id, file, version, "its extension could not be created: " + message(e));
            unload(pluginId);
            return;
        }
        if (extensions.isEmpty()) {
            fail(id, file, version, "it has no DockerHubPlugin extension (does " + PluginExtensionFinder.SERVICES
                + " name its class, or META-INF/extensions.idx, written by PF4J's annotation processor?)");
            unload(pluginId);
            return;
        }
        ids.add(id);
        for (DockerHubPlugin plugin : extensions) {
            pending.add(new Pending(plugin, id, version, file, builders.submit(() -> List.copyOf(plugin.actions()))));
        }
    }

    private void register(Pending p, Map<String, LoadedPlugin> byTool) {
        DockerHubPlugin plugin = p.plugin();
        String id = p.id();
        String version = p.version();
        String file = p.file();
        String tool;
        List<Action> actions;
        try {
            tool = plugin.toolName();
            if (!plugin.toggle().equals(id.toUpperCase(Locale.ROOT) + "TOOL") && !toggledOn.test(plugin.toggle())) {
                disabledInfo(plugin.id(), version, file, plugin.toggle() + "=false");
                return;
            }
            actions = p.actions().get();
        } catch (ExecutionException e) {
            fail(id, file, version, "its actions could not be read: " + message(e.getCause()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(id, file, version, "interrupted while reading its actions");
            return;
        } catch (RuntimeException | LinkageError e) {
            fail(id, file, version, "its actions could not be read: " + message(e));
            return;
        }
        if (tool == null || !TOOL_NAME.matcher(tool).matches()) {
            fail(id, file, version, "its tool name '" + tool + "' is not a valid MCP tool name");
            return;
        }
        Set<String> names = new HashSet<>();
        for (Action action : actions) {
            if (!names.add(action.name()) || action.name().equals("help")) {
                fail(id, file, version, "action name '" + action.name() + "' is duplicated or reserved");
                return;
            }
            for (String reserved : ROUTING) {
                if (action.inputSchema().path("properties").has(reserved)) {
                    fail(id, file, version, "action '" + action.name() + "' has a parameter '" + reserved
                        + "', which the consolidated tool uses for routing (" + String.join(", ", ROUTING)
                        + "); rename the parameter");
                    return;
                }
            }
        }
        LoadedPlugin previous = byTool.get(tool);
        if (previous != null) {
            fail(id, file, version, "tool name " + tool + " is already served by plugin '" + previous.id()
                + "' (" + previous.source() + "); refusing the second one (" + file + ")");
            return;
        }
        LoadedPlugin lp = new LoadedPlugin(plugin, version, file, actions);
        byTool.put(tool, lp);
        loaded.add(lp);
        infos.add(new PluginInfo(plugin.id(), version, tool, "started", file, null, actions.stream()
            .map(x -> new PluginInfo.ActionInfo(x.name(), x.effect(), false)).toList()));
    }

    private void unload(String pluginId) {
        try {
            manager.unloadPlugin(pluginId);
        } catch (RuntimeException ignored) {
            // already reported; leave it
        }
    }

    private void fail(String id, String file, String version, String reason) {
        warn.accept("plugin " + file + " not loaded: " + reason);
        infos.add(new PluginInfo(id, version, null, "failed", file, reason, List.of()));
    }

    private void disabledInfo(String id, String version, String file, String reason) {
        infos.add(new PluginInfo(id, version, null, "disabled", file, reason, List.of()));
    }

    private Set<String> readDisabled() {
        Path f = dir.resolve("disabled.txt");
        Set<String> out = new HashSet<>();
        if (Files.isRegularFile(f)) {
            try {
                for (String line : Files.readAllLines(f)) {
                    String t = line.trim();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        out.add(t);
                    }
                }
            } catch (IOException e) {
                warn.accept("cannot read " + f + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static String message(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Started plugins, in load order. */
    public List<LoadedPlugin> plugins() {
        return List.copyOf(loaded);
    }

    /** Every plugin seen, started or not, with the reason when not. */
    public List<PluginInfo> infos() {
        return List.copyOf(infos);
    }

    /** Stops plugins one by one (PF4J's stopPlugins() throws ConcurrentModificationException). */
    @Override
    public void close() {
        for (PluginWrapper w : new ArrayList<>(manager.getStartedPlugins())) {
            try {
                manager.stopPlugin(w.getPluginId());
            } catch (RuntimeException ignored) {
                // stopping is best effort at exit
            }
        }
    }

    /**
     * PF4J's jar manager, with plugins loading shared packages from the host, and extensions found through the
     * services file as well as extensions.idx.
     */
    private static final class Manager extends JarPluginManager {
        Manager(Path dir) {
            super(dir);
        }

        @Override
        protected ExtensionFinder createExtensionFinder() {
            PluginExtensionFinder finder = new PluginExtensionFinder(this);
            addPluginStateListener(finder);
            return finder;
        }

        @Override
        protected org.pf4j.PluginLoader createPluginLoader() {
            return new JarPluginLoader(this) {
                @Override
                protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                    return new SharedFirstClassLoader(pluginManager, descriptor, getClass().getClassLoader());
                }
            };
        }
    }
}
