package dev.dockerhubmcp.api;

/**
 * The logic of one action. Arguments are validated against the action's input schema before this runs.
 * Throw {@link ActionException} (the shared clients do) or return {@link Result#error} for a failure the
 * caller should see; anything else thrown is reported as an internal error without a stack trace.
 */
@FunctionalInterface
public interface ActionHandler {
    Result handle(Arguments args, ActionContext context) throws Exception;
}
