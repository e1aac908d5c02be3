package dev.dockerhubmcp.api;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What the host knows of one plugin, for {@code hub_admin plugins}.
 *
 * @param id      plugin id
 * @param version plugin version
 * @param tool    tool name, or null when it never started
 * @param state   started, disabled, failed
 * @param source  the jar (file name) it came from, or "builtin"
 * @param reason  why it is disabled or failed, else null
 * @param actions its actions with their effects
 */
public record PluginInfo(String id, String version, String tool, String state, String source, String reason,
                         List<ActionInfo> actions) {
    public PluginInfo {
        requireNonNull(id, "id is null");
        requireNonNull(state, "state is null");
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** One action's name and effect. */
    public record ActionInfo(String name, Effect effect, boolean hidden) {
        public ActionInfo {
            requireNonNull(name, "name is null");
            requireNonNull(effect, "effect is null");
        }
    }
}
