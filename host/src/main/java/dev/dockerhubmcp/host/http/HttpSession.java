package dev.dockerhubmcp.host.http;

import io.modelcontextprotocol.spec.McpSession;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * One session of an HTTP transport: the SDK's session, the client identity that owns it, and its activity. A
 * session with a request being answered is never idle.
 */
abstract class HttpSession<T extends McpSession> {
    final T sdk;
    final String owner;
    private final String id;
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long lastActive = System.nanoTime();

    HttpSession(T sdk, String id, String owner) {
        this.sdk = requireNonNull(sdk, "sdk is null");
        this.id = requireNonNull(id, "id is null");
        this.owner = requireNonNull(owner, "owner is null");
    }

    final String id() {
        return id;
    }

    final void touch() {
        lastActive = System.nanoTime();
    }

    /** A request of this session is being answered: the session does not expire meanwhile. */
    final void requestStarted() {
        busy.incrementAndGet();
        touch();
    }

    final void requestEnded() {
        busy.decrementAndGet();
        touch();
    }

    /** Nanoseconds without activity; 0 while a request is being answered. */
    final long idleSince(long now) {
        return busy.get() > 0 ? 0 : now - lastActive;
    }

    final boolean ended() {
        return ended.get();
    }

    final void markEnded() {
        ended.set(true);
    }

    /** Closes the session's event streams; called once, when the session ends. */
    abstract void closeStreams();
}
