package dev.dockerhubmcp.host.http;

import dev.dockerhubmcp.host.http.HttpRequests.Refusal;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

/**
 * What both HTTP transports share: their sessions and the rules for them. a new session needs a place under the
 * server-wide and the per-client cap; a session belongs to the client identity that opened it, and a request for
 * another client's session is answered exactly like one for an unknown session (404); sessions without activity
 * for {@code idleTimeout} end, and ending a session closes its event streams. While the server shuts down, every
 * request is answered 503.
 */
abstract class HttpSessionTransport<S extends HttpSession<?>> implements McpServerTransportProviderBase {
    private static final System.Logger LOG = System.getLogger(HttpSessionTransport.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** One HTTP exchange of a transport; a {@link Refusal} becomes its JSON-RPC error answer. */
    @FunctionalInterface
    interface Exchange {
        void handle(ServerRequest req, ServerResponse res) throws Refusal;
    }

    final McpJsonMapper json;
    final long maxRequestBytes;
    private final String kind;
    private final String notFound;
    private final SessionBudget budget;
    private final StreamRegistry streams;
    private final boolean identityByToken;
    private final long idleNanos;
    private final ConcurrentHashMap<String, S> sessions = new ConcurrentHashMap<>();
    private volatile boolean closing;

    /**
     * @param kind     what the sessions are called in logs, e.g. {@code "SSE session"}
     * @param notFound the message of the 404 answer for an unknown (or foreign) session
     */
    HttpSessionTransport(String kind, String notFound, McpJsonMapper json, HttpSettings settings,
                         SessionBudget budget, StreamRegistry streams) {
        this.json = requireNonNull(json, "json is null");
        this.maxRequestBytes = settings.maxRequestBytes();
        this.kind = requireNonNull(kind, "kind is null");
        this.notFound = requireNonNull(notFound, "notFound is null");
        this.budget = requireNonNull(budget, "budget is null");
        this.streams = requireNonNull(streams, "streams is null");
        this.identityByToken = settings.authToken() != null;
        this.idleNanos = settings.idleTimeout().toNanos();
    }

    /** Adds this transport's routes: one handler per HTTP method, 405 with {@code Allow} for the others. */
    abstract void routes(HttpRouting.Builder routing);

    // ---- requests ----

    /** The route handler for {@code exchange}: 503 while shutting down, refusals answered as JSON-RPC errors. */
    Handler handler(Exchange exchange) {
        requireNonNull(exchange, "exchange is null");
        return (req, res) -> {
            if (closing) {
                HttpReplies.error(res, 503, HttpReplies.SERVER_ERROR,
                        "Service Unavailable: the server is shutting down");
                return;
            }
            try {
                exchange.handle(req, res);
            } catch (Refusal r) {
                if (!res.isSent()) {
                    HttpReplies.error(res, r.status, r.id, r.code, r.getMessage());
                }
            }
        };
    }

    /** Who sends {@code req}: the owner of the sessions it opens. */
    String client(ServerRequest req) {
        return HttpRequests.clientIdentity(req, identityByToken);
    }

    /** Opens an event stream on {@code res}; it is pinged while open and closed on shutdown. */
    SseConnection openStream(ServerResponse res, String label) {
        return SseConnection.open(res, label, streams);
    }

    // ---- the session lifecycle ----

    /**
     * Takes a place for a new session of {@code client}, expiring idle sessions first when there is none. Without
     * a place, answers 429 (this client's cap) or 503 (the server's) with {@code Retry-After} and returns false.
     *
     * @param requestId the id of the request that asks for the session, for the error answer (may be null)
     * @param howToEnd  how the client frees one of its sessions, e.g. {@code "end one (DELETE)"}
     */
    boolean admit(String client, ServerResponse res, Object requestId, String howToEnd) {
        SessionBudget.Grant grant = budget.tryAcquire(client);
        if (grant != SessionBudget.Grant.GRANTED) {
            sweep();
            grant = budget.tryAcquire(client);
        }
        if (grant == SessionBudget.Grant.CLIENT_FULL) {
            LOG.log(WARNING, "Refused a new " + kind + ": this client already holds " + budget.maxPerClient()
                    + " sessions");
            res.header(HeaderNames.RETRY_AFTER, "30");
            HttpReplies.error(res, 429, requestId, HttpReplies.SERVER_ERROR, "Too Many Requests: this client "
                    + "already holds " + budget.maxPerClient() + " sessions; " + howToEnd + " or retry later");
            return false;
        }
        if (grant == SessionBudget.Grant.FULL) {
            LOG.log(WARNING, "Refused a new " + kind + ": the limit of " + budget.max() + " sessions is reached");
            res.header(HeaderNames.RETRY_AFTER, "30");
            HttpReplies.error(res, 503, requestId, HttpReplies.SERVER_ERROR,
                    "Service Unavailable: too many sessions (limit " + budget.max() + "); retry later");
            return false;
        }
        return true;
    }

    /** Gives back the place {@link #admit} took, when the session could not be created. */
    void abandon(String client) {
        budget.release(client);
    }

    /** Registers a session created after {@link #admit}. */
    void add(S session) {
        sessions.put(session.id(), session);
        LOG.log(DEBUG, () -> kind + " " + session.id() + " opened");
    }

    /** The session {@code id} if the client of {@code req} owns it; else 404, alike for unknown and foreign ids. */
    S require(ServerRequest req, String id) throws Refusal {
        S session = sessions.get(id);
        if (session == null || !session.owner.equals(client(req))) {
            if (session != null) {
                LOG.log(DEBUG, () -> "Refused a request for " + kind + " " + id
                        + " from a client that did not open it");
            }
            throw new Refusal(404, HttpReplies.SESSION_NOT_FOUND, notFound);
        }
        return session;
    }

    /** Ends a session: frees its place, closes the SDK session and the event streams. Idempotent. */
    void end(S session, String reason) {
        if (!sessions.remove(session.id(), session)) {
            return;
        }
        budget.release(session.owner);
        session.markEnded();
        try {
            session.sdk.closeGracefully().block(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.log(DEBUG, () -> "Closing " + kind + " " + session.id() + " (" + reason + "): " + e.getMessage());
        }
        session.closeStreams();
        LOG.log(DEBUG, () -> kind + " " + session.id() + " ended: " + reason);
    }

    /** Ends sessions without activity for {@code idleTimeout}; run periodically. */
    void sweep() {
        long now = System.nanoTime();
        for (S session : List.copyOf(sessions.values())) {
            if (session.idleSince(now) > idleNanos) {
                LOG.log(INFO, () -> kind + " " + session.id() + " expired after " + Duration.ofNanos(idleNanos)
                        + " without activity");
                end(session, "idle");
            }
        }
    }

    int sessionCount() {
        return sessions.size();
    }

    /** Refuses new requests (503) from now on. */
    void beginShutdown() {
        closing = true;
    }

    /** Ends every session. Idempotent. */
    void shutdown() {
        closing = true;
        for (S session : List.copyOf(sessions.values())) {
            end(session, "server shutting down");
        }
    }

    // ---- McpServerTransportProviderBase ----

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::shutdown);
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Mono.fromRunnable(() -> {
            for (S session : List.copyOf(sessions.values())) {
                try {
                    session.sdk.sendNotification(method, params).block(CLOSE_TIMEOUT);
                } catch (RuntimeException e) {
                    LOG.log(DEBUG, () -> "Notification " + method + " not delivered to " + kind + " "
                            + session.id() + ": " + e.getMessage());
                }
            }
        });
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.defer(() -> {
            S session = sessions.get(sessionId);
            return session == null ? Mono.empty() : session.sdk.sendNotification(method, params);
        });
    }
}
