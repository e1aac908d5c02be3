package dev.dockerhubmcp.api;

/**
 * What an action does to the world. Annotations, read-only filtering and the destructive gate are all
 * derived from it; nothing else decides them.
 */
public enum Effect {
    /** Reads only; safe to repeat. */
    READ,
    /** Creates or changes something, but does not destroy data or access. */
    WRITE,
    /** Deletes, deactivates or overwrites: refused unless DOCKERHUB_ALLOW_DESTRUCTIVE=true. */
    DESTRUCTIVE;

    public boolean readOnly() {
        return this == READ;
    }
}
