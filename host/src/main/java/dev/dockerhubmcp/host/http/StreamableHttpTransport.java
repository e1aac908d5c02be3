package dev.dockerhubmcp.host.http;

import dev.dockerhubmcp.host.http.HttpRequests.Accepts;
import dev.dockerhubmcp.host.http.HttpRequests.Refusal;
import dev.dockerhubmcp.host.mcp.JsonRpcInput;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;

import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static java.lang.System.Logger.Level.DEBUG;
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
final class StreamableHttpTransport extends HttpSessionTransport<StreamableHttpTransport.Session>
        implements McpStreamableServerTransportProvider {
    private static final System.Logger LOG = System.getLogger(StreamableHttpTransport.class.getName());

    static final List<String> PROTOCOL_VERSIONS = List.of(
            ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);
    /** Requests whose handlers may talk to the client before answering: these get an event stream. */
    private static final Set<String> STREAMED_METHODS = Set.of(
            McpSchema.METHOD_TOOLS_CALL, McpSchema.METHOD_PROMPT_GET, McpSchema.METHOD_RESOURCES_READ,
            McpSchema.METHOD_COMPLETION_COMPLETE);
    private static final String TRANSPORT_NAME = "streamable-http";
    static final String PATH = "/mcp";
    /** GET streams one session may hold at once. */
    static final int MAX_GET_STREAMS_PER_SESSION = 8;

    private volatile McpStreamableServerSession.Factory factory;

    StreamableHttpTransport(McpJsonMapper json, HttpSettings settings, SessionBudget budget, StreamRegistry streams) {
        super("session", "Session not found: it expired or was deleted; initialize a new one", json, settings,
                budget, streams);
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

    // ---- HTTP ----

    /** POST, GET and DELETE on {@code /mcp}; while shutting down every method is answered 503, else others 405. */
    @Override
    void routes(HttpRouting.Builder routing) {
        routing.post(PATH, handler(this::post))
                .get(PATH, handler(this::get))
                .delete(PATH, handler(this::delete))
                .any(PATH, handler((req, res) ->
                        HttpReplies.methodNotAllowed(res, "GET, POST, DELETE", "use POST, GET or DELETE")));
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
            initialize(request, res, !accepts.json(), client(req));
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
        if (!admit(client, res, request.id(), "end one (DELETE)")) {
            return;
        }
        McpStreamableServerSession.McpStreamableServerSessionInit init;
        try {
            init = sessionFactory.startSession(params);
        } catch (RuntimeException e) {
            abandon(client);
            throw e;
        }
        Session session = new Session(init.session(), client);
        add(session);
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
        answerNow(res, eventStream, write(answer), "initialize " + session.id());
    }

    private void answerAsJson(Session session, McpSchema.JSONRPCRequest request, McpTransportContext context,
                              ServerResponse res) {
        JsonAnswer transport = new JsonAnswer(session, request.id());
        McpStreamableServerSession.McpStreamableServerSessionStream stream = session.sdk.responseStream(transport);
        handle(session, stream, request, context);
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
        SseConnection connection = openStream(res, request.method() + " " + session.id());
        EventStreamAnswer transport = new EventStreamAnswer(connection);
        McpStreamableServerSession.McpStreamableServerSessionStream stream = session.sdk.responseStream(transport);
        // The client went away: fail what the server still waits for on this stream.
        connection.onBroken(stream::close);
        try {
            handle(session, stream, request, context);
        } finally {
            if (!transport.answered) {
                // the SDK failed before answering: the client still gets an answer for its id
                connection.send("message", null, JsonRpcInput.errorJson(request.id(), HttpReplies.INTERNAL_ERROR,
                        "Internal error: the server could not handle this request"));
            }
            connection.finish();
        }
    }

    /** Has the SDK answer {@code request} on {@code stream}; the session does not expire meanwhile. */
    private static void handle(Session session, McpStreamableServerSession.McpStreamableServerSessionStream stream,
                               McpSchema.JSONRPCRequest request, McpTransportContext context) {
        session.requestStarted();
        try {
            stream.handle(request).contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
        } catch (RuntimeException e) {
            LOG.log(WARNING, "Request " + request.method() + " in session " + session.id() + " failed", e);
        } finally {
            session.requestEnded();
        }
    }

    /** Answers a request with one message, as JSON or as a one-event stream when the client takes only those. */
    private void answerNow(ServerResponse res, boolean eventStream, String message, String label) {
        if (eventStream) {
            SseConnection connection = openStream(res, label);
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
            SseConnection connection = openStream(res, "GET " + session.id());
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
        return require(req, id);
    }

    private static void checkProtocolVersion(ServerRequest req) throws Refusal {
        var version = req.headers().first(HeaderNames.create(HttpHeaders.PROTOCOL_VERSION));
        if (version.isPresent() && !PROTOCOL_VERSIONS.contains(version.get().strip())) {
            throw new Refusal(400, HttpReplies.SERVER_ERROR, "Bad Request: unsupported MCP-Protocol-Version "
                    + version.get().strip() + " (supported: " + String.join(", ", PROTOCOL_VERSIONS) + ")");
        }
    }

    private String write(McpSchema.JSONRPCMessage message) {
        return SdkTransport.write(json, message);
    }

    // ---- sessions and their streams ----

    /** A session with its GET streams. */
    final class Session extends HttpSession<McpStreamableServerSession> {
        final AtomicInteger getStreams = new AtomicInteger();
        private ListeningChannel channel;
        private McpStreamableServerSession.McpStreamableServerSessionStream channelStream;

        Session(McpStreamableServerSession sdk, String owner) {
            super(sdk, sdk.getId(), owner);
        }

        /** Adds a GET stream; the first one registers the session's listening stream with the SDK. */
        void attach(SseConnection connection) {
            synchronized (this) {
                if (!ended()) {
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

        @Override
        void closeStreams() {
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
    private final class ListeningChannel extends SdkTransport {
        final Deque<SseConnection> connections = new ConcurrentLinkedDeque<>();
        final String sessionId;
        volatile boolean closed;

        ListeningChannel(String sessionId) {
            super(StreamableHttpTransport.this.json);
            this.sessionId = sessionId;
        }

        @Override
        boolean deliver(McpSchema.JSONRPCMessage message, String id) {
            String data = data(message);
            for (SseConnection connection : connections) {
                if (connection.send("message", id, data)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        String undeliverable() {
            return "Session " + sessionId + " has no open event stream";
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
    private final class EventStreamAnswer extends SdkTransport.OnStream {
        volatile boolean answered;

        EventStreamAnswer(SseConnection connection) {
            super(StreamableHttpTransport.this.json, connection, "The client closed the event stream");
        }

        @Override
        boolean deliver(McpSchema.JSONRPCMessage message, String messageId) {
            if (message instanceof McpSchema.JSONRPCResponse) {
                answered = true;
            }
            return super.deliver(message, messageId);
        }
    }

    /** Captures the answer of a request answered as {@code application/json}; anything else goes to a GET stream. */
    private final class JsonAnswer extends SdkTransport {
        final AtomicReference<McpSchema.JSONRPCResponse> answer = new AtomicReference<>();
        private final Session session;
        private final Object requestId;

        JsonAnswer(Session session, Object requestId) {
            super(StreamableHttpTransport.this.json);
            this.session = session;
            this.requestId = requestId;
        }

        @Override
        boolean deliver(McpSchema.JSONRPCMessage message, String messageId) {
            if (message instanceof McpSchema.JSONRPCResponse response
                    && Objects.equals(String.valueOf(response.id()), String.valueOf(requestId))) {
                answer.compareAndSet(null, (McpSchema.JSONRPCResponse) JsonRpcInput.scrub(response));
                return true;
            }
            return session.forward(message, messageId);
        }

        @Override
        String undeliverable() {
            return "Session " + session.id() + " has no open event stream (GET)";
        }

        @Override
        public void close() {
            // the answer is read once the request is handled
        }
    }
}
