package dev.dockerhubmcp.host.http;

import dev.dockerhubmcp.host.http.HttpRequests.Accepts;
import dev.dockerhubmcp.host.http.HttpRequests.Refusal;
import dev.dockerhubmcp.host.mcp.JsonRpcInput;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpTransportException;
import io.modelcontextprotocol.spec.ProtocolVersions;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

/**
 * The HTTP+SSE transport of protocol 2024-11-05, for old clients: {@code GET /sse} opens a session's event stream
 * and first sends an {@code endpoint} event naming {@code /message?sessionId=…}; the client POSTs its messages
 * there (answered 202) and receives every answer on the stream. The session lives as long as the stream, and no
 * longer than {@code idleTimeout} without a message (the stream is then closed). It belongs to the client identity
 * that opened it: messages for it from another identity are answered 404, as for an unknown session.
 */
final class LegacySseTransport implements McpServerTransportProvider {
    private static final System.Logger LOG = System.getLogger(LegacySseTransport.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final String TRANSPORT_NAME = "sse";
    static final String MESSAGE_PATH = "/message";

    private final McpJsonMapper json;
    private final long maxRequestBytes;
    private final SessionBudget budget;
    private final StreamRegistry streams;
    private final boolean identityByToken;
    private final long idleNanos;
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile McpServerSession.Factory factory;
    private volatile boolean closing;

    private record Session(McpServerSession sdk, SseConnection connection, String owner, AtomicLong lastActive,
                           AtomicInteger inFlight) {
        Session(McpServerSession sdk, SseConnection connection, String owner) {
            this(sdk, connection, owner, new AtomicLong(System.nanoTime()), new AtomicInteger());
        }

        String id() {
            return sdk.getId();
        }

        void touch() {
            lastActive.set(System.nanoTime());
        }

        long idleSince(long now) {
            return inFlight.get() > 0 ? 0 : now - lastActive.get();
        }
    }

    LegacySseTransport(McpJsonMapper json, HttpSettings settings, SessionBudget budget, StreamRegistry streams) {
        this.json = requireNonNull(json, "json is null");
        this.maxRequestBytes = settings.maxRequestBytes();
        this.budget = requireNonNull(budget, "budget is null");
        this.streams = requireNonNull(streams, "streams is null");
        this.identityByToken = settings.authToken() != null;
        this.idleNanos = settings.idleTimeout().toNanos();
    }

    // ---- McpServerTransportProvider ----

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        this.factory = requireNonNull(sessionFactory, "sessionFactory is null");
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2024_11_05);
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Mono.fromRunnable(() -> {
            for (Session session : List.copyOf(sessions.values())) {
                try {
                    session.sdk().sendNotification(method, params).block(CLOSE_TIMEOUT);
                } catch (RuntimeException e) {
                    LOG.log(DEBUG, () -> "Notification " + method + " not delivered to SSE session " + session.id()
                            + ": " + e.getMessage());
                }
            }
        });
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.defer(() -> {
            Session session = sessions.get(sessionId);
            return session == null ? Mono.empty() : session.sdk().sendNotification(method, params);
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::shutdown);
    }

    void beginShutdown() {
        closing = true;
    }

    void shutdown() {
        closing = true;
        for (Session session : List.copyOf(sessions.values())) {
            end(session);
        }
    }

    int sessionCount() {
        return sessions.size();
    }

    /** Ends sessions without a message for {@code idleTimeout}; their streams close. */
    void sweep() {
        long now = System.nanoTime();
        for (Session session : List.copyOf(sessions.values())) {
            if (session.idleSince(now) > idleNanos) {
                LOG.log(INFO, () -> "SSE session " + session.id() + " expired after "
                        + Duration.ofNanos(idleNanos) + " without a message");
                end(session);
            }
        }
    }

    // ---- HTTP ----

    /** {@code GET /sse}. */
    void handleStream(ServerRequest req, ServerResponse res) {
        if (!Method.GET.equals(req.prologue().method())) {
            res.header(HeaderNames.ALLOW, "GET");
            HttpReplies.error(res, 405, HttpReplies.SERVER_ERROR, "Method Not Allowed: use GET");
            return;
        }
        if (closing) {
            HttpReplies.error(res, 503, HttpReplies.SERVER_ERROR, "Service Unavailable: the server is shutting down");
            return;
        }
        if (!Accepts.of(req.headers()).eventStream()) {
            HttpReplies.error(res, 406, HttpReplies.SERVER_ERROR, "Not Acceptable: Accept must include text/event-stream");
            return;
        }
        McpServerSession.Factory sessionFactory = factory;
        if (sessionFactory == null) {
            HttpReplies.error(res, 503, HttpReplies.SERVER_ERROR, "Service Unavailable: no MCP server is bound");
            return;
        }
        String client = HttpRequests.clientIdentity(req, identityByToken);
        SessionBudget.Grant grant = budget.tryAcquire(client);
        if (grant == SessionBudget.Grant.CLIENT_FULL) {
            LOG.log(WARNING, "Refused a new SSE session: this client already holds " + budget.maxPerClient()
                    + " sessions");
            res.header(HeaderNames.RETRY_AFTER, "30");
            HttpReplies.error(res, 429, HttpReplies.SERVER_ERROR, "Too Many Requests: this client already holds "
                    + budget.maxPerClient() + " sessions; close one or retry later");
            return;
        }
        if (grant == SessionBudget.Grant.FULL) {
            LOG.log(WARNING, "Refused a new SSE session: the limit of " + budget.max() + " sessions is reached");
            res.header(HeaderNames.RETRY_AFTER, "30");
            HttpReplies.error(res, 503, HttpReplies.SERVER_ERROR,
                    "Service Unavailable: too many sessions (limit " + budget.max() + "); retry later");
            return;
        }
        SseConnection connection;
        McpServerSession sdk;
        try {
            connection = SseConnection.open(res, "SSE", streams);
            sdk = sessionFactory.create(new StreamTransport(connection));
        } catch (RuntimeException e) {
            budget.release(client);
            throw e;
        }
        Session session = new Session(sdk, connection, client);
        sessions.put(session.id(), session);
        LOG.log(DEBUG, () -> "SSE session " + session.id() + " opened");
        try {
            if (connection.send("endpoint", null, MESSAGE_PATH + "?sessionId=" + session.id())) {
                connection.awaitClosed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end(session);
            connection.finish();
        }
    }

    /** {@code POST /message?sessionId=…}. */
    void handleMessage(ServerRequest req, ServerResponse res) {
        if (!Method.POST.equals(req.prologue().method())) {
            res.header(HeaderNames.ALLOW, "POST");
            HttpReplies.error(res, 405, HttpReplies.SERVER_ERROR, "Method Not Allowed: use POST");
            return;
        }
        if (closing) {
            HttpReplies.error(res, 503, HttpReplies.SERVER_ERROR, "Service Unavailable: the server is shutting down");
            return;
        }
        try {
            String id = req.query().contains("sessionId") ? req.query().get("sessionId").strip() : "";
            if (id.isEmpty() || !HttpRequests.validSessionId(id)) {
                throw new Refusal(400, HttpReplies.SERVER_ERROR, "Bad Request: the sessionId query parameter is required");
            }
            Session session = sessions.get(id);
            // another client's session is answered as unknown: its existence is not revealed
            if (session == null || !session.owner().equals(HttpRequests.clientIdentity(req, identityByToken))) {
                throw new Refusal(404, HttpReplies.SESSION_NOT_FOUND, "Session not found: open a new one with GET /sse");
            }
            session.touch();
            HttpRequests.requireJsonContent(req);
            McpSchema.JSONRPCMessage message =
                    HttpRequests.parseMessage(json, HttpRequests.readBody(req, maxRequestBytes));
            if (message instanceof McpSchema.JSONRPCRequest request) {
                try {
                    JsonRpcInput.checkParams(request);
                } catch (JsonRpcInput.Invalid e) {
                    // answered on the event stream, like every answer of this transport
                    session.connection().send("message", null, e.responseJson());
                    HttpReplies.empty(res, 202);
                    return;
                }
            }
            McpTransportContext context = HttpRequests.context(req, TRANSPORT_NAME);
            Mono<Void> handling = session.sdk().handle(message)
                    .contextWrite(c -> c.put(McpTransportContext.KEY, context));
            if (message instanceof McpSchema.JSONRPCRequest request) {
                // The answer travels on the event stream; the POST is only acknowledged.
                session.inFlight().incrementAndGet();
                handling.doFinally(signal -> {
                    session.inFlight().decrementAndGet();
                    session.touch();
                }).subscribe(v -> { }, e -> LOG.log(WARNING,
                        "Request " + request.method() + " in SSE session " + id + " failed: " + e.getMessage()));
            } else {
                handling.block();
            }
            HttpReplies.empty(res, 202);
        } catch (Refusal r) {
            HttpReplies.error(res, r.status, r.id, r.code, r.getMessage());
        }
    }

    private void end(Session session) {
        if (!sessions.remove(session.id(), session)) {
            return;
        }
        budget.release(session.owner());
        try {
            session.sdk().closeGracefully().block(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.log(DEBUG, () -> "Closing SSE session " + session.id() + ": " + e.getMessage());
        }
        session.connection().close();
        LOG.log(DEBUG, () -> "SSE session " + session.id() + " closed");
    }

    /** The session's event stream as the SDK's transport. */
    private final class StreamTransport implements McpServerTransport {
        private final SseConnection connection;

        StreamTransport(SseConnection connection) {
            this.connection = connection;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.defer(() -> {
                String data;
                try {
                    data = json.writeValueAsString(JsonRpcInput.scrub(message));
                } catch (IOException e) {
                    return Mono.error(new UncheckedIOException("Cannot serialize a JSON-RPC message", e));
                }
                return connection.send("message", null, data)
                        ? Mono.empty()
                        : Mono.error(new McpTransportException("The SSE stream of this session is closed"));
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return json.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(connection::close);
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
