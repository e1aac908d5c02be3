package dev.dockerhubmcp.api.registry;

/** Watches a long blob transfer: told how far it got, asked whether the caller gave up. */
public interface TransferMonitor {
    /** Does nothing and never cancels. */
    TransferMonitor NONE = new TransferMonitor() {
    };

    /**
     * Bytes moved so far.
     *
     * @param total the size announced, or -1 when unknown
     */
    default void progress(long done, long total) {
    }

    /** True once the transfer should stop (the caller cancelled). */
    default boolean cancelled() {
        return false;
    }
}
