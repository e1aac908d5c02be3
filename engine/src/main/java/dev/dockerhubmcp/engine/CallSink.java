package dev.dockerhubmcp.engine;

/** Where a call's progress and log lines go (the MCP exchange, stderr for the CLI, a list in tests). */
public interface CallSink {
    /** Progress and log lines go nowhere; never cancelled. */
    CallSink NONE = new CallSink() {
    };

    default void progress(long done, Long total, String message) {
    }

    default void log(String level, String message) {
    }

    default boolean cancelled() {
        return false;
    }
}
