package dev.dockerhubmcp.host.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Result;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One MCP tool as the host exposes it, independent of the MCP SDK (the CLI lists and calls the same specs).
 *
 * @param name         tool name ({@code hub_repos} or {@code hub_repos_list_tags})
 * @param description  for a model
 * @param inputSchema  JSON schema of the arguments
 * @param outputSchema JSON schema of the structured result, or null
 * @param hints        annotations derived from the actions' effects
 * @param actions      the actions it serves, with their effects (for listings)
 * @param call         runs a call
 */
public record ToolSpec(String name, String description, ObjectNode inputSchema, ObjectNode outputSchema, Hints hints,
                       List<ActionRef> actions, Call call) {
    public ToolSpec {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(inputSchema, "inputSchema is null");
        requireNonNull(hints, "hints is null");
        requireNonNull(call, "call is null");
        actions = List.copyOf(actions);
    }

    /** Runs one call: validation, the gate, the handler; never throws for bad input. */
    @FunctionalInterface
    public interface Call {
        Result run(ObjectNode arguments, ActionContext context);
    }

    /**
     * MCP tool annotations, derived from effects only.
     *
     * @param readOnly    every action is READ and writes no local file
     * @param destructive some action may destroy
     * @param idempotent  the same as readOnly
     * @param openWorld   talks to a remote service
     */
    public record Hints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
    }

    /**
     * An action served by the tool.
     *
     * @param plugin       plugin id
     * @param action       action name
     * @param effect       READ, WRITE or DESTRUCTIVE
     * @param mayDestroy   destructive for some arguments
     * @param description  the action's description
     * @param writesFiles  writes a local file for some arguments
     * @param inputSchema  the action's own input schema
     */
    public record ActionRef(String plugin, String action, dev.dockerhubmcp.api.Effect effect, boolean mayDestroy,
                            String description, boolean writesFiles, ObjectNode inputSchema) {
    }
}
