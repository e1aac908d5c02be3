package dev.dockerhubmcp.api.safety;

import dev.dockerhubmcp.api.Effect;

/**
 * The one object that decides what may run: read-only mode hides WRITE and DESTRUCTIVE actions; the destructive
 * gate refuses DESTRUCTIVE ones unless explicitly allowed.
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
