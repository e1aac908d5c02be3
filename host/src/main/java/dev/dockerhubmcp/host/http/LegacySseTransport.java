package dev.dockerhubmcp.host.http;

import dev.dockerhubmcp.host.http.HttpRequests.Accepts;
import dev.dockerhubmcp.host.http.HttpRequests.Refusal;
import dev.dockerhubmcp.host.mcp.JsonRpcInput;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import reactor.core.publisher.Mono;

import java.util.List;

import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

/**
 * The HTTP+SSE transport of protocol 2024-11-05, for old clients: {@code GET /sse} opens a session's event stream
 * and first sends an {@code endpoint} event naming {@code /message?sessionId=…}; the client POSTs its messages
 * there (answered 202) and receives every answer on the stream. The session lives as long as the stream, and no
 * longer than {@code idleTimeout} without a message (the stream is then closed). It belongs to the client identity
 * that opened it: messages for it from another identity are answered 404, as for an unknown session.
 */
final class LegacySseTransport extends HttpSessionTransport<LegacySseTransport.Session>
        implements McpServerTransportProvider {
    private static final System.Logger LOG = System.getLogger(LegacySseTransport.class.getName());
    private static final String TRANSPORT_NAME = "sse";
    static final String STREAM_PATH = "/sse";
    static final String MESSAGE_PATH = "/message";

    private volatile McpServerSession.Factory factory;

    /** A session lives as long as its event stream. */
    static final class Session extends HttpSession<McpServerSession> {
        final SseConnection connection;

        Session(McpServerSession sdk, SseConnection connection, String owner) {
            super(sdk, sdk.getId(), owner);
            this.connection = connection;
        }

        @Override
        void closeStreams() {
            connection.close();
        }
    }

    LegacySseTransport(McpJsonMapper json, HttpSettings settings, SessionBudget budget, StreamRegistry streams) {
        super("SSE session", "Session not found: open a new one with GET " + STREAM_PATH, json, settings, budget,
                streams);
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

    // ---- HTTP ----

    /** {@code GET /sse} and {@code POST /message}; other methods are answered 405 before anything else. */
    @Override
    void routes(HttpRouting.Builder routing) {
        routing.get(STREAM_PATH, handler(this::stream))
                .any(STREAM_PATH, (req, res) -> HttpReplies.methodNotAllowed(res, "GET"))
                .post(MESSAGE_PATH, handler(this::message))
                .any(MESSAGE_PATH, (req, res) -> HttpReplies.methodNotAllowed(res, "POST"));
    }

    private void stream(ServerRequest req, ServerResponse res) throws Refusal {
        if (!Accepts.of(req.headers()).eventStream()) {
            throw new Refusal(406, HttpReplies.SERVER_ERROR, "Not Acceptable: Accept must include text/event-stream");
        }
        McpServerSession.Factory sessionFactory = factory;
        if (sessionFactory == null) {
            throw new Refusal(503, HttpReplies.SERVER_ERROR, "Service Unavailable: no MCP server is bound");
        }
        String client = client(req);
        if (!admit(client, res, null, "close one")) {
            return;
        }
        SseConnection connection;
        McpServerSession sdk;
        try {
            connection = openStream(res, "SSE");
            sdk = sessionFactory.create(new SdkTransport.OnStream(json, connection,
                    "The SSE stream of this session is closed"));
        } catch (RuntimeException e) {
            abandon(client);
            throw e;
        }
        Session session = new Session(sdk, connection, client);
        add(session);
        try {
            if (connection.send("endpoint", null, MESSAGE_PATH + "?sessionId=" + session.id())) {
                connection.awaitClosed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end(session, "stream closed");
            connection.finish();
        }
    }

    private void message(ServerRequest req, ServerResponse res) throws Refusal {
        String id = req.query().contains("sessionId") ? req.query().get("sessionId").strip() : "";
        if (id.isEmpty() || !HttpRequests.validSessionId(id)) {
            throw new Refusal(400, HttpReplies.SERVER_ERROR, "Bad Request: the sessionId query parameter is required");
        }
        Session session = require(req, id);
        session.touch();
        HttpRequests.requireJsonContent(req);
        McpSchema.JSONRPCMessage message = HttpRequests.parseMessage(json, HttpRequests.readBody(req, maxRequestBytes));
        if (message instanceof McpSchema.JSONRPCRequest request) {
            try {
                JsonRpcInput.checkParams(request);
            } catch (JsonRpcInput.Invalid e) {
                // answered on the event stream, like every answer of this transport
                session.connection.send("message", null, e.responseJson());
                HttpReplies.empty(res, 202);
                return;
            }
        }
        McpTransportContext context = HttpRequests.context(req, TRANSPORT_NAME);
        Mono<Void> handling = session.sdk.handle(message).contextWrite(c -> c.put(McpTransportContext.KEY, context));
        if (message instanceof McpSchema.JSONRPCRequest request) {
            // The answer travels on the event stream; the POST is only acknowledged.
            session.requestStarted();
            handling.doFinally(signal -> session.requestEnded()).subscribe(v -> { }, e -> LOG.log(WARNING,
                    "Request " + request.method() + " in SSE session " + id + " failed: " + e.getMessage()));
        } else {
            handling.block();
        }
        HttpReplies.empty(res, 202);
    }
}
