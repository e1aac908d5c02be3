package dev.dockerhubmcp.engine.safety;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;

/**
 * The one object that decides what may run: read-only mode hides WRITE and DESTRUCTIVE actions and never writes a
 * local file (file-writing parameters are hidden and refused); the destructive gate refuses DESTRUCTIVE ones unless
 * explicitly allowed.
 *
 * @param readOnly          DOCKERHUB_READ_ONLY
 * @param allowDestructive  DOCKERHUB_ALLOW_DESTRUCTIVE
 */
public record SafetyPolicy(boolean readOnly, boolean allowDestructive) {

    public static final SafetyPolicy DEFAULT = new SafetyPolicy(false, false);

    /** Whether an action with this static effect is listed at all. */
    public boolean lists(Effect effect) {
        return !readOnly || effect == Effect.READ;
    }

    /** Whether this action is listed at all; in read-only mode it is shown without its file-writing parameters. */
    public boolean lists(Action action) {
        return lists(action.effect());
    }

    /** How this action is shown: in read-only mode without its file-writing parameters. */
    public Action shown(Action action) {
        return readOnly ? action.withoutFileWrites() : action;
    }

    /**
     * Whether this call may run; null when allowed, else the reason. Read-only mode refuses a file-writing parameter
     * as it refuses a write.
     */
    public String refusal(Action action, Arguments args) {
        String refusal = refusal(action.effectFor(args));
        if (refusal == null && readOnly) {
            String param = action.fileWrittenBy(args).orElse(null);
            if (param != null) {
                return "'" + param + "' writes a local file, and the server runs in read-only mode "
                    + "(DOCKERHUB_READ_ONLY=true), which never writes files; leave it out";
            }
        }
        return refusal;
    }

    /** Whether a call with this (argument-dependent) effect may run; null when allowed, else the reason. */
    public String refusal(Effect effect) {
        if (readOnly && effect != Effect.READ) {
            return "the server runs in read-only mode (DOCKERHUB_READ_ONLY=true): only read actions are allowed";
        }
        if (effect == Effect.DESTRUCTIVE && !allowDestructive) {
            return "destructive actions are disabled; set DOCKERHUB_ALLOW_DESTRUCTIVE=true in the server's environment "
                + "to allow them";
        }
        return null;
    }
}
