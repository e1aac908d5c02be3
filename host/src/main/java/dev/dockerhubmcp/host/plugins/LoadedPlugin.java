package dev.dockerhubmcp.host.plugins;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A started plugin and its actions (read once, at load).
 *
 * @param plugin  the extension
 * @param version the plugin's version (manifest), or the host's for built-ins
 * @param source  the jar's file name
 * @param actions its actions, in the order it lists them
 */
public record LoadedPlugin(DockerHubPlugin plugin, String version, String source, List<Action> actions) {
    public LoadedPlugin {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(version, "version is null");
        requireNonNull(source, "source is null");
        actions = List.copyOf(actions);
    }

    public String id() {
        return plugin.id();
    }

    public String toolName() {
        return plugin.toolName();
    }
}
