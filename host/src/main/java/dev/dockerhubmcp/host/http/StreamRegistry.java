package dev.dockerhubmcp.host.http;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every open event stream of the server: pinged periodically, closed on shutdown. */
final class StreamRegistry {
    private final Set<SseConnection> open = ConcurrentHashMap.newKeySet();

    void add(SseConnection connection) {
        open.add(connection);
    }

    void remove(SseConnection connection) {
        open.remove(connection);
    }

    int size() {
        return open.size();
    }

    /** Writes a comment to every stream; streams whose peer is gone close themselves. */
    void pingAll() {
        for (SseConnection connection : List.copyOf(open)) {
            connection.comment("keepalive");
        }
    }

    void closeAll() {
        for (SseConnection connection : List.copyOf(open)) {
            connection.close();
        }
    }
}
