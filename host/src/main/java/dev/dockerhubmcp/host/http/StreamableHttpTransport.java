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
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpTransportException;
import io.modelcontextprotocol.spec.ProtocolVersions;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

/**
 * Streamable HTTP (MCP 2025-03-26 / 2025-06-18 / 2025-11-25) on one endpoint:
 * <ul>
 *   <li>{@code POST} a JSON-RPC message. {@code initialize} opens a session ({@code Mcp-Session-Id} in the answer);
 *       every later message names it. Notifications and responses are answered 202. A request is answered with
 *       {@code application/json}, or with an event stream when it may send notifications (progress, logs) or
 *       requests to the client before its result ({@code tools/call}, {@code prompts/get}, {@code resources/read},
 *       {@code completion/complete}) or when the client accepts only event streams.</li>
 *   <li>{@code GET} opens an event stream for messages the server sends outside any request. A client may hold
 *       several; each message goes to exactly one (the newest that is still open).</li>
 *   <li>{@code DELETE} ends the session.</li>
 * </ul>
 * A session belongs to the client identity that opened it (see {@link HttpRequests#clientIdentity}); requests
 * naming it from another identity are answered 404, as for any unknown session. Sessions without a request for
 * {@code idleTimeout} expire, open GET streams or not (those streams are closed); a request still being answered
 * keeps its session alive.
 */
final class StreamableHttpTransport implements McpStreamableServerTransportProvider {
    private static final System.Logger LOG = System.getLogger(StreamableHttpTransport.class.getName());

    static final List<String> PROTOCOL_VERSIONS = List.of(
            ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);
    /** Requests whose handlers may talk to the client before answering: these get an event stream. */
    private static final Set<String> STREAMED_METHODS = Set.of(
            McpSchema.METHOD_TOOLS_CALL, McpSchema.METHOD_PROMPT_GET, McpSchema.METHOD_RESOURCES_READ,
            McpSchema.METHOD_COMPLETION_COMPLETE);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final String TRANSPORT_NAME = "streamable-http";
    /** GET streams one session may hold at once. */
    static final int MAX_GET_STREAMS_PER_SESSION = 8;

    private final McpJsonMapper json;
    private final long maxRequestBytes;
    private final long idleNanos;
    private final SessionBudget budget;
    private final StreamRegistry streams;
    private final boolean identityByToken;
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile McpStreamableServerSession.Factory factory;
    private volatile boolean closing;

    StreamableHttpTransport(McpJsonMapper json, HttpSettings settings, SessionBudget budget, StreamRegistry streams) {
        this.json = requireNonNull(json, "json is null");
        this.maxRequestBytes = settings.maxRequestBytes();
        this.idleNanos = settings.idleTimeout().toNanos();
        this.budget = requireNonNull(budget, "budget is null");
        this.streams = requireNonNull(streams, "streams is null");
        this.identityByToken = settings.authToken() != null;
    }

    // ---- McpStreamableServerTransportProvider ----

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.factory = requireNonNull(sessionFactory, "sessionFactory is null");
    }

    @Override
    public List<String> protocolVersions() {
        return PROTOCOL_VERSIONS;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Mono.fromRunnable(() -> {
            for (Session session : List.copyOf(sessions.values())) {
                try {
                    session.sdk.sendNotification(method, params).block(CLOSE_TIMEOUT);
                } catch (RuntimeException e) {
                    LOG.log(DEBUG, () -> "Notification " + method + " not delivered to session " + session.id()
                            + ": " + e.getMessage());
                }
            }
        });
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.defer(() -> {
            Session session = sessions.get(sessionId);
            return session == null ? Mono.empty() : session.sdk.sendNotification(method, params);
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::shutdown);
    }

    /** Refuses new requests (503) from now on. */
    void beginShutdown() {
        closing = true;
    }

    /** Ends every session. Idempotent. */
    void shutdown() {
        closing = true;
        for (Session session : List.copyOf(sessions.values())) {
            end(session, "server shutting down");
        }
    }

    int sessionCount() {
        return sessions.size();
    }

    /** Expires idle sessions; run periodically and before refusing a new session for lack of room. */
    void sweep() {
        long now = System.nanoTime();
        for (Session session : List.copyOf(sessions.values())) {
            if (session.idleSince(now) > idleNanos) {
                LOG.log(INFO, () -> "Session " + session.id() + " expired after "
                        + Duration.ofNanos(idleNanos) + " without activity");
                end(session, "idle");
            }
        }
    }

    // ---- HTTP ----

    void handle(ServerRequest req, ServerResponse res) {
        Method method = req.prologue().method();
        if (closing) {
            HttpReplies.error(res, 503, HttpReplies.SERVER_ERROR, "Service Unavailable: the server is shutting down");
            return;
        }
        try {
            if (Method.POST.equals(method)) {
                post(req, res);
            } else if (Method.GET.equals(method)) {
                get(req, res);
            } else if (Method.DELETE.equals(method)) {
                delete(req, res);
            } else {
                res.header(HeaderNames.ALLOW, "GET, POST, DELETE");
                HttpReplies.error(res, 405, HttpReplies.SERVER_ERROR, "Method Not Allowed: use POST, GET or DELETE");
            }
        } catch (Refusal r) {
            if (!res.isSent()) {
                HttpReplies.error(res, r.status, r.id, r.code, r.getMessage());
            }
        }
    }

    private void post(ServerRequest req, ServerResponse res) throws Refusal {
        Accepts accepts = Accepts.of(req.headers());
        if (!accepts.json() && !accepts.eventStream()) {
            throw new Refusal(406, HttpReplies.SERVER_ERROR,
                    "Not Acceptable: Accept must include application/json and text/event-stream");
        }
        HttpRequests.requireJsonContent(req);
        checkProtocolVersion(req);
        McpSchema.JSONRPCMessage message = HttpRequests.parseMessage(json, HttpRequests.readBody(req, maxRequestBytes));
        McpTransportContext context = HttpRequests.context(req, TRANSPORT_NAME);

        if (message instanceof McpSchema.JSONRPCRequest request
                && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            initialize(request, res, !accepts.json(), HttpRequests.clientIdentity(req, identityByToken));
            return;
        }
        Session session = requireSession(req);
        session.touch();
        switch (message) {
            case McpSchema.JSONRPCNotification notification -> {
                session.sdk.accept(notification).contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
                HttpReplies.empty(res, 202);
            }
            case McpSchema.JSONRPCResponse response -> {
                try {
                    session.sdk.accept(response).contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
                } catch (McpError e) {
                    throw new Refusal(400, HttpReplies.INVALID_REQUEST,
                            "Invalid Request: no pending request has id " + response.id());
                }
                HttpReplies.empty(res, 202);
            }
            case McpSchema.JSONRPCRequest request -> {
                boolean stream = accepts.eventStream()
                        && (!accepts.json() || STREAMED_METHODS.contains(request.method()));
                try {
                    JsonRpcInput.checkParams(request);
                } catch (JsonRpcInput.Invalid e) {
                    // a request the server cannot take is answered at once, never handed to the SDK
                    answerNow(res, !accepts.json(), e.responseJson(), request.method() + " " + session.id());
                    return;
                }
                if (stream) {
                    answerAsEventStream(session, request, context, res);
                } else {
                    answerAsJson(session, request, context, res);
                }
            }
            default -> throw new Refusal(400, HttpReplies.INVALID_REQUEST, "Invalid Request: unknown message type");
        }
    }

    private void initialize(McpSchema.JSONRPCRequest request, ServerResponse res, boolean eventStream, String client)
            throws Refusal {
        McpStreamableServerSession.Factory sessionFactory = factory;
        if (sessionFactory == null) {
            throw new Refusal(503, HttpReplies.SERVER_ERROR, "Service Unavailable: no MCP server is bound");
        }
        try {
            JsonRpcInput.checkParams(request);
        } catch (JsonRpcInput.Invalid e) {
            throw new Refusal(400, e.code(), e.getMessage(), request.id());
        }
        McpSchema.InitializeRequest params;
        try {
            params = json.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {
            });
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, HttpReplies.INVALID_PARAMS, "Invalid params: not an initialize request",
                    request.id());
        }
        SessionBudget.Grant grant = budget.tryAcquire(client);
        if (grant != SessionBudget.Grant.GRANTED) {
            sweep();
            grant = budget.tryAcquire(client);
        }
        if (grant == SessionBudget.Grant.CLIENT_FULL) {
            LOG.log(WARNING, "Refused a new session: this client already holds " + budget.maxPerClient()
                    + " sessions");
            res.header(HeaderNames.RETRY_AFTER, "30");
            HttpReplies.error(res, 429, request.id(), HttpReplies.SERVER_ERROR, "Too Many Requests: this client "
                    + "already holds " + budget.maxPerClient() + " sessions; end one (DELETE) or retry later");
            return;
        }
        if (grant == SessionBudget.Grant.FULL) {
            LOG.log(WARNING, "Refused a new session: the limit of " + budget.max() + " sessions is reached");
            res.header(HeaderNames.RETRY_AFTER, "30");
            HttpReplies.error(res, 503, request.id(), HttpReplies.SERVER_ERROR,
                    "Service Unavailable: too many sessions (limit " + budget.max() + "); retry later");
            return;
        }
        McpStreamableServerSession.McpStreamableServerSessionInit init;
        try {
            init = sessionFactory.startSession(params);
        } catch (RuntimeException e) {
            budget.release(client);
            throw e;
        }
        Session session = new Session(init.session(), client);
        sessions.put(session.id(), session);
        McpSchema.InitializeResult result;
        try {
            result = init.initResult().block();
        } catch (McpError e) {
            end(session, "initialize failed");
            McpSchema.JSONRPCResponse.JSONRPCError error = e.getJsonRpcError();
            throw new Refusal(400, error == null ? HttpReplies.INVALID_REQUEST : error.code(),
                    error == null ? "Initialize failed" : error.message());
        } catch (RuntimeException e) {
            end(session, "initialize failed");
            throw e;
        }
        LOG.log(DEBUG, () -> "Session " + session.id() + " started (" + params.clientInfo() + ", protocol "
                + params.protocolVersion() + ")");
        res.header(HttpHeaders.MCP_SESSION_ID, session.id());
        McpSchema.JSONRPCResponse answer = McpSchema.JSONRPCResponse.result(request.id(), result);
        if (eventStream) {
            SseConnection connection = SseConnection.open(res, "initialize " + session.id(), streams);
            connection.send("message", null, write(answer));
            connection.finish();
        } else {
            HttpReplies.json(res, 200, write(answer));
        }
    }

    private void answerAsJson(Session session, McpSchema.JSONRPCRequest request, McpTransportContext context,
                              ServerResponse res) {
        JsonAnswer transport = new JsonAnswer(session, request.id());
        McpStreamableServerSession.McpStreamableServerSessionStream stream = session.sdk.responseStream(transport);
        session.streamOpened();
        try {
            stream.handle(request).contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
        } catch (RuntimeException e) {
            LOG.log(WARNING, "Request " + request.method() + " in session " + session.id() + " failed", e);
        } finally {
            session.streamClosed();
        }
        McpSchema.JSONRPCResponse answer = transport.answer.get();
        if (answer == null) {
            HttpReplies.error(res, 500, request.id(), HttpReplies.INTERNAL_ERROR,
                    "Internal error: the request ended without an answer");
        } else {
            HttpReplies.json(res, 200, write(answer));
        }
    }

    private void answerAsEventStream(Session session, McpSchema.JSONRPCRequest request, McpTransportContext context,
                                     ServerResponse res) {
        SseConnection connection = SseConnection.open(res, request.method() + " " + session.id(), streams);
        EventStreamAnswer transport = new EventStreamAnswer(connection);
        McpStreamableServerSession.McpStreamableServerSessionStream stream = session.sdk.responseStream(transport);
        // The client went away: fail what the server still waits for on this stream.
        connection.onBroken(stream::close);
        session.streamOpened();
        try {
            stream.handle(request).contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
        } catch (RuntimeException e) {
            LOG.log(WARNING, "Request " + request.method() + " in session " + session.id() + " failed", e);
        } finally {
            session.streamClosed();
            if (!transport.answered) {
                // the SDK failed before answering: the client still gets an answer for its id
                connection.send("message", null, JsonRpcInput.errorJson(request.id(), HttpReplies.INTERNAL_ERROR,
                        "Internal error: the server could not handle this request"));
            }
            connection.finish();
        }
    }

    /** Answers a request with one message, as JSON or as a one-event stream when the client takes only those. */
    private void answerNow(ServerResponse res, boolean eventStream, String message, String label) {
        if (eventStream) {
            SseConnection connection = SseConnection.open(res, label, streams);
            connection.send("message", null, message);
            connection.finish();
        } else {
            HttpReplies.json(res, 200, message);
        }
    }

    private void get(ServerRequest req, ServerResponse res) throws Refusal {
        if (!Accepts.of(req.headers()).eventStream()) {
            throw new Refusal(406, HttpReplies.SERVER_ERROR, "Not Acceptable: Accept must include text/event-stream");
        }
        checkProtocolVersion(req);
        Session session = requireSession(req);
        if (req.headers().contains(HeaderNames.create(HttpHeaders.LAST_EVENT_ID))) {
            LOG.log(DEBUG, () -> "Session " + session.id() + ": no event history to replay; opening a new stream");
        }
        if (session.getStreams.incrementAndGet() > MAX_GET_STREAMS_PER_SESSION) {
            session.getStreams.decrementAndGet();
            throw new Refusal(409, HttpReplies.SERVER_ERROR, "Conflict: this session already has "
                    + MAX_GET_STREAMS_PER_SESSION + " open GET streams");
        }
        try {
            SseConnection connection = SseConnection.open(res, "GET " + session.id(), streams);
            // an open GET stream is not activity: the session still expires when idle, closing the stream
            session.touch();
            try {
                session.attach(connection);
                connection.awaitClosed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                session.detach(connection);
                connection.finish();
            }
        } finally {
            session.getStreams.decrementAndGet();
        }
    }

    private void delete(ServerRequest req, ServerResponse res) throws Refusal {
        checkProtocolVersion(req);
        Session session = requireSession(req);
        end(session, "deleted by the client");
        HttpReplies.empty(res, 200);
    }

    private Session requireSession(ServerRequest req) throws Refusal {
        List<String> ids = req.headers().values(HeaderNames.create(HttpHeaders.MCP_SESSION_ID));
        if (ids.isEmpty()) {
            throw new Refusal(400, HttpReplies.SERVER_ERROR, "Bad Request: the Mcp-Session-Id header is required");
        }
        String id = ids.getFirst().strip();
        if (ids.size() > 1 || !HttpRequests.validSessionId(id)) {
            throw new Refusal(400, HttpReplies.SERVER_ERROR, "Bad Request: malformed Mcp-Session-Id header");
        }
        Session session = sessions.get(id);
        // another client's session is answered as unknown: its existence is not revealed
        if (session == null || !session.owner.equals(HttpRequests.clientIdentity(req, identityByToken))) {
            if (session != null) {
                LOG.log(DEBUG, () -> "Refused a request for session " + id + " from a client that did not open it");
            }
            throw new Refusal(404, HttpReplies.SESSION_NOT_FOUND,
                    "Session not found: it expired or was deleted; initialize a new one");
        }
        return session;
    }

    private static void checkProtocolVersion(ServerRequest req) throws Refusal {
        var version = req.headers().first(HeaderNames.create(HttpHeaders.PROTOCOL_VERSION));
        if (version.isPresent() && !PROTOCOL_VERSIONS.contains(version.get().strip())) {
            throw new Refusal(400, HttpReplies.SERVER_ERROR, "Bad Request: unsupported MCP-Protocol-Version "
                    + version.get().strip() + " (supported: " + String.join(", ", PROTOCOL_VERSIONS) + ")");
        }
    }

    private void end(Session session, String reason) {
        if (!sessions.remove(session.id(), session)) {
            return;
        }
        budget.release(session.owner);
        session.markEnded();
        try {
            session.sdk.closeGracefully().block(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.log(DEBUG, () -> "Closing session " + session.id() + " (" + reason + "): " + e.getMessage());
        }
        session.closeChannel();
        LOG.log(DEBUG, () -> "Session " + session.id() + " ended: " + reason);
    }

    private String write(McpSchema.JSONRPCMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize a JSON-RPC message", e);
        }
    }

    // ---- sessions and their streams ----

    /** A session with what the transport tracks for it: its owner, activity, requests in progress, GET streams. */
    private final class Session {
        final McpStreamableServerSession sdk;
        final String owner;
        private final AtomicInteger openStreams = new AtomicInteger();
        final AtomicInteger getStreams = new AtomicInteger();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile long lastActive = System.nanoTime();
        private ListeningChannel channel;
        private McpStreamableServerSession.McpStreamableServerSessionStream channelStream;

        Session(McpStreamableServerSession sdk, String owner) {
            this.sdk = sdk;
            this.owner = owner;
        }

        String id() {
            return sdk.getId();
        }

        void touch() {
            lastActive = System.nanoTime();
        }

        void streamOpened() {
            openStreams.incrementAndGet();
            touch();
        }

        void streamClosed() {
            openStreams.decrementAndGet();
            touch();
        }

        /** Nanoseconds without activity; 0 while a request is being answered. */
        long idleSince(long now) {
            return openStreams.get() > 0 ? 0 : now - lastActive;
        }

        void markEnded() {
            ended.set(true);
        }

        /** Adds a GET stream; the first one registers the session's listening stream with the SDK. */
        void attach(SseConnection connection) {
            synchronized (this) {
                if (!ended.get()) {
                    if (channel == null || channel.closed) {
                        channel = new ListeningChannel(id());
                        channelStream = sdk.listeningStream(channel);
                    }
                    channel.connections.addFirst(connection);
                    return;
                }
            }
            connection.close();
        }

        /** Removes a GET stream; the last one closes the SDK's listening stream. */
        void detach(SseConnection connection) {
            McpStreamableServerSession.McpStreamableServerSessionStream toClose = null;
            synchronized (this) {
                if (channel != null) {
                    channel.connections.remove(connection);
                    if (channel.closed) {
                        channel = null;
                        channelStream = null;
                    } else if (channel.connections.isEmpty()) {
                        toClose = channelStream;
                        channel = null;
                        channelStream = null;
                    }
                }
            }
            if (toClose != null) {
                toClose.close();
            }
        }

        /** A message of a JSON-answered request that is not its answer goes to a GET stream. */
        boolean forward(McpSchema.JSONRPCMessage message, String id) {
            ListeningChannel target;
            synchronized (this) {
                target = channel;
            }
            return target != null && target.deliver(message, id);
        }

        void closeChannel() {
            ListeningChannel target;
            synchronized (this) {
                target = channel;
                channel = null;
                channelStream = null;
            }
            if (target != null) {
                target.close();
            }
        }
    }

    /** The session's GET streams as one SDK transport: each message goes to the newest stream still open. */
    private final class ListeningChannel implements McpStreamableServerTransport {
        final Deque<SseConnection> connections = new ConcurrentLinkedDeque<>();
        final String sessionId;
        volatile boolean closed;

        ListeningChannel(String sessionId) {
            this.sessionId = sessionId;
        }

        boolean deliver(McpSchema.JSONRPCMessage message, String id) {
            String data = write(JsonRpcInput.scrub(message));
            for (SseConnection connection : connections) {
                if (connection.send("message", id, data)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return sendMessage(message, null);
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
            return Mono.defer(() -> {
                if (deliver(message, messageId)) {
                    return Mono.empty();
                }
                if (message instanceof McpSchema.JSONRPCRequest) {
                    return Mono.error(new McpTransportException(
                            "Session " + sessionId + " has no open event stream to send a request on"));
                }
                LOG.log(DEBUG, () -> "Session " + sessionId + ": no open event stream, message dropped");
                return Mono.empty();
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return json.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(this::close);
        }

        @Override
        public void close() {
            closed = true;
            for (SseConnection connection : connections) {
                connection.close();
            }
        }
    }

    /** The event stream that answers one POSTed request. */
    private final class EventStreamAnswer implements McpStreamableServerTransport {
        private final SseConnection connection;
        volatile boolean answered;

        EventStreamAnswer(SseConnection connection) {
            this.connection = connection;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return sendMessage(message, null);
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
            return Mono.defer(() -> {
                if (message instanceof McpSchema.JSONRPCResponse) {
                    answered = true;
                }
                if (connection.send("message", messageId, write(JsonRpcInput.scrub(message)))) {
                    return Mono.empty();
                }
                if (message instanceof McpSchema.JSONRPCRequest) {
                    return Mono.error(new McpTransportException("The client closed the event stream"));
                }
                return Mono.empty();
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

    /** Captures the answer of a request answered as {@code application/json}; anything else goes to a GET stream. */
    private final class JsonAnswer implements McpStreamableServerTransport {
        final AtomicReference<McpSchema.JSONRPCResponse> answer = new AtomicReference<>();
        private final Session session;
        private final Object requestId;

        JsonAnswer(Session session, Object requestId) {
            this.session = session;
            this.requestId = requestId;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return sendMessage(message, null);
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
            return Mono.defer(() -> {
                if (message instanceof McpSchema.JSONRPCResponse response
                        && Objects.equals(String.valueOf(response.id()), String.valueOf(requestId))) {
                    answer.compareAndSet(null, (McpSchema.JSONRPCResponse) JsonRpcInput.scrub(response));
                    return Mono.empty();
                }
                if (session.forward(message, messageId)) {
                    return Mono.empty();
                }
                if (message instanceof McpSchema.JSONRPCRequest) {
                    return Mono.error(new McpTransportException("Session " + session.id()
                            + " has no open event stream (GET) to send a request on"));
                }
                LOG.log(DEBUG, () -> "Session " + session.id() + ": no open event stream, message dropped");
                return Mono.empty();
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return json.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
