package dev.dockerhubmcp.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The process-wide rate-limit view: every upstream answer that carries {@code X-RateLimit-*} (Hub) or
 * {@code RateLimit-Limit/Remaining} (registry) updates it, and every envelope carries it.
 */
public final class RateLimits {

    /**
     * One snapshot. Fields are null when never seen.
     *
     * @param limit     requests allowed in the window
     * @param remaining requests left
     * @param reset     epoch seconds when the window resets
     * @param window    window length in seconds (registry {@code w=})
     * @param source    where it came from: {@code hub} or {@code registry}, plus {@code docker-ratelimit-source}
     * @param seenAt    when it was captured
     */
    public record Snapshot(Long limit, Long remaining, Long reset, Long window, String source, Instant seenAt) {
        public static final Snapshot EMPTY = new Snapshot(null, null, null, null, null, null);

        public ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            putOrNull(n, "limit", limit);
            putOrNull(n, "remaining", remaining);
            putOrNull(n, "reset", reset);
            return n;
        }

        private static void putOrNull(ObjectNode n, String k, Long v) {
            if (v == null) {
                n.putNull(k);
            } else {
                n.put(k, v);
            }
        }
    }

    private final AtomicReference<Snapshot> hub = new AtomicReference<>(Snapshot.EMPTY);
    private final AtomicReference<Snapshot> registry = new AtomicReference<>(Snapshot.EMPTY);

    public void recordHub(Snapshot snapshot) {
        hub.set(snapshot);
    }

    public void recordRegistry(Snapshot snapshot) {
        registry.set(snapshot);
    }

    /** The Hub API's latest figures ({@code X-RateLimit-*}): what the envelope's {@code rate_limit} shows. */
    public Snapshot hub() {
        return hub.get();
    }

    /** The registry's latest pull-limit figures. */
    public Snapshot registry() {
        return registry.get();
    }
}
