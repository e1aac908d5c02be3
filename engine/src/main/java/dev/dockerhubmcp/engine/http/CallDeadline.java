package dev.dockerhubmcp.engine.http;

import java.util.concurrent.Callable;

/**
 * When the tool call running on this thread started, so that every upstream request it makes (retries and waits
 * included) ends by the call's deadline ({@link UpstreamConfig#callTimeout()}). Threads the call starts (virtual
 * threads for parallel requests) inherit it.
 */
public final class CallDeadline {
    private static final InheritableThreadLocal<Long> STARTED = new InheritableThreadLocal<>();

    private CallDeadline() {
    }

    /** Runs {@code work} as one call started now (a call already running on this thread keeps its start). */
    public static <T> T run(Callable<T> work) throws Exception {
        Long previous = STARTED.get();
        if (previous != null) {
            return work.call();
        }
        STARTED.set(System.nanoTime());
        try {
            return work.call();
        } finally {
            STARTED.remove();
        }
    }

    /** {@link System#nanoTime()} when the current call started, or null outside a call. */
    static Long started() {
        return STARTED.get();
    }
}
