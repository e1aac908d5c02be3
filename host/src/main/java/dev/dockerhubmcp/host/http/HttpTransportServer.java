package dev.dockerhubmcp.host.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

/**
 * The MCP server over HTTP (Helidon 4 SE):
 * <ul>
 *   <li>{@code POST/GET/DELETE /mcp}: Streamable HTTP (protocol 2025-03-26 and later)</li>
 *   <li>{@code GET /sse} + {@code POST /message?sessionId=}: the legacy HTTP+SSE transport (2024-11-05)</li>
 *   <li>{@code GET /health}: {@code {"status":"ok", ...}}, without a token</li>
 * </ul>
 * Every request passes the {@code Host} and {@code Origin} checks (DNS-rebinding protection); every MCP request
 * needs the bearer token when one is configured. Bodies, sessions and idle time are bounded.
 */
public final class HttpTransportServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpTransportServer.class.getName());
    private static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(15);
    private static final Duration MAX_SWEEP_INTERVAL = Duration.ofSeconds(30);
    private static final Duration MIN_SWEEP_INTERVAL = Duration.ofMillis(10);
    private static final AtomicInteger SERVER_COUNTER = new AtomicInteger();
    /** Shortest MCP_AUTH_TOKEN accepted when the server is reachable beyond loopback. */
    static final int MIN_EXPOSED_TOKEN_LENGTH = 32;

    /** Timings that are not user settings; tests shorten them. */
    record Tuning(Duration keepAliveInterval) {
        Tuning {
            requireNonNull(keepAliveInterval, "keepAliveInterval is null");
        }

        static Tuning defaults() {
            return new Tuning(KEEPALIVE_INTERVAL);
        }
    }

    private final HttpSettings settings;
    private final WebServer webServer;
    private final StreamableHttpTransport streamable;
    private final LegacySseTransport legacy;
    private final StreamRegistry streams;
    private final List<AutoCloseable> handles;
    private final ScheduledThreadPoolExecutor maintenance;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpTransportServer(HttpSettings settings, WebServer webServer, StreamableHttpTransport streamable,
                                LegacySseTransport legacy, StreamRegistry streams, List<AutoCloseable> handles,
                                ScheduledThreadPoolExecutor maintenance, URI endpoint) {
        this.settings = settings;
        this.webServer = webServer;
        this.streamable = streamable;
        this.legacy = legacy;
        this.streams = streams;
        this.handles = handles;
        this.maintenance = maintenance;
        this.endpoint = endpoint;
    }

    /**
     * Binds the MCP servers through {@code binder} and starts listening on {@code settings.host():port}.
     *
     * @throws IllegalStateException when the address is reachable beyond loopback and there is neither a token nor
     *                               {@code allowUnauthenticated}, or the token is shorter than 32 characters
     *                               (nothing is started then), or when the server cannot listen
     */
    public static HttpTransportServer start(HttpSettings settings, McpServerBinder binder,
                                            Supplier<JsonNode> healthInfo) {
        return start(settings, binder, healthInfo, Tuning.defaults());
    }

    static HttpTransportServer start(HttpSettings settings, McpServerBinder binder, Supplier<JsonNode> healthInfo,
                                     Tuning tuning) {
        requireNonNull(settings, "settings is null");
        requireNonNull(binder, "binder is null");
        requireNonNull(healthInfo, "healthInfo is null");
        requireNonNull(tuning, "tuning is null");
        boolean exposed = RequestGuard.exposesBeyondLoopback(settings.host());
        if (exposed && settings.authToken() == null && !settings.allowUnauthenticated()) {
            throw new IllegalStateException("Refusing to listen on " + settings.host()
                    + ": that address is reachable from other machines and no MCP_AUTH_TOKEN is set. "
                    + "Set MCP_AUTH_TOKEN (clients then send 'Authorization: Bearer <token>'), "
                    + "bind 127.0.0.1, or pass --allow-unauthenticated to accept the risk.");
        }
        if (exposed && settings.authToken() != null
                && settings.authToken().codePointCount(0, settings.authToken().length()) < MIN_EXPOSED_TOKEN_LENGTH) {
            throw new IllegalStateException("Refusing to listen on " + settings.host()
                    + ": that address is reachable from other machines and MCP_AUTH_TOKEN is shorter than "
                    + MIN_EXPOSED_TOKEN_LENGTH + " characters. Set a longer random MCP_AUTH_TOKEN (e.g. the output "
                    + "of 'openssl rand -hex 32') or bind 127.0.0.1.");
        }
        InetAddress bindAddress = resolve(settings.host());
        RequestGuard guard = new RequestGuard(settings);
        McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
        StreamRegistry streams = new StreamRegistry();
        SessionBudget budget = new SessionBudget(settings.maxSessions(), settings.maxSessionsPerClient());
        StreamableHttpTransport streamable = new StreamableHttpTransport(json, settings, budget, streams);
        LegacySseTransport legacy = new LegacySseTransport(json, settings, budget, streams);

        List<AutoCloseable> handles = new ArrayList<>();
        ScheduledThreadPoolExecutor maintenance = null;
        try {
            handles.add(requireNonNull(binder.bindStreamable(streamable), "bindStreamable returned null"));
            handles.add(requireNonNull(binder.bindSse(legacy), "bindSse returned null"));

            WebServer webServer;
            try {
                webServer = WebServer.builder()
                        .address(bindAddress)
                        .port(settings.port())
                        .shutdownHook(false)
                        .featuresDiscoverServices(false)
                        .routing(routing -> routes(routing, guard, streamable, legacy, healthInfo))
                        .build()
                        .start();
            } catch (RuntimeException e) {
                throw new IllegalStateException("Cannot listen on " + settings.host() + ":" + settings.port() + ": "
                        + e.getMessage(), e);
            }

            maintenance = new ScheduledThreadPoolExecutor(2, daemonThreads("dockerhub-mcp-http-"
                    + SERVER_COUNTER.incrementAndGet() + "-maintenance"));
            maintenance.setRemoveOnCancelPolicy(true);
            long sweepMillis = sweepInterval(settings.idleTimeout()).toMillis();
            maintenance.scheduleWithFixedDelay(guarded("session sweep", () -> {
                streamable.sweep();
                legacy.sweep();
            }), sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
            long keepAliveMillis = tuning.keepAliveInterval().toMillis();
            maintenance.scheduleWithFixedDelay(guarded("keepalive", streams::pingAll),
                    keepAliveMillis, keepAliveMillis, TimeUnit.MILLISECONDS);

            URI endpoint = URI.create("http://" + urlHost(bindAddress) + ":" + webServer.port() + "/mcp");
            LOG.log(INFO, "MCP over HTTP listening on " + endpoint + " (legacy SSE: /sse, health: /health, "
                    + (settings.authToken() != null ? "bearer token required" : "no token") + ")");
            if (exposed && settings.authToken() == null) {
                LOG.log(WARNING, "Listening on " + settings.host() + " without a token: anyone who can reach it "
                        + "can use every tool (--allow-unauthenticated)");
            }
            return new HttpTransportServer(settings, webServer, streamable, legacy, streams, List.copyOf(handles),
                    maintenance, endpoint);
        } catch (RuntimeException e) {
            if (maintenance != null) {
                maintenance.shutdownNow();
            }
            streamable.shutdown();
            legacy.shutdown();
            closeAll(handles);
            throw e;
        }
    }

    /** The port listened on (the real one when {@code settings.port()} was 0). */
    public int port() {
        return webServer.port();
    }

    /** {@code http://127.0.0.1:PORT/mcp} (the bind address, or 127.0.0.1 for a wildcard bind). */
    public URI endpoint() {
        return endpoint;
    }

    public HttpSettings settings() {
        return settings;
    }

    /** Open Streamable HTTP plus legacy SSE sessions. */
    int sessionCount() {
        return streamable.sessionCount() + legacy.sessionCount();
    }

    /** From now on MCP requests are answered 503; sessions stay until {@link #close()}. */
    void beginShutdown() {
        streamable.beginShutdown();
        legacy.beginShutdown();
    }

    /** Graceful: refuses new requests, ends every session and stream, closes the MCP servers, stops listening. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        beginShutdown();
        closeAll(handles);
        streamable.shutdown();
        legacy.shutdown();
        streams.closeAll();
        maintenance.shutdownNow();
        try {
            if (!maintenance.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(WARNING, "HTTP maintenance tasks did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        webServer.stop();
        LOG.log(INFO, "MCP over HTTP on " + endpoint + " stopped");
    }

    // ---- routing ----

    private static void routes(HttpRouting.Builder routing, RequestGuard guard, StreamableHttpTransport streamable,
                               LegacySseTransport legacy, Supplier<JsonNode> healthInfo) {
        routing.addFilter((chain, req, res) -> {
            Optional<RequestGuard.Rejection> rejection = guard.checkHostAndOrigin(req.headers());
            if (rejection.isEmpty() && !"/health".equals(req.path().path())) {
                rejection = guard.checkToken(req.headers());
            }
            if (rejection.isPresent()) {
                RequestGuard.Rejection r = rejection.get();
                LOG.log(DEBUG, () -> "Refused " + req.prologue().method().text() + " " + req.path().path()
                        + " from " + req.remotePeer().address() + ": " + r.message());
                if (r.challenge() != null) {
                    res.header(HeaderNames.WWW_AUTHENTICATE, r.challenge());
                }
                HttpReplies.error(res, r.status(), r.code(), r.message());
                return;
            }
            chain.proceed();
        });
        streamable.routes(routing);
        legacy.routes(routing);
        routing.get("/health", (req, res) -> health(res, healthInfo))
                .any("/health", (req, res) -> HttpReplies.methodNotAllowed(res, "GET"))
                .any((req, res) -> HttpReplies.error(res, 404, HttpReplies.SERVER_ERROR,
                        "Not Found: the MCP endpoint is /mcp"))
                .error(Throwable.class, HttpTransportServer::internalError);
    }

    private static void health(ServerResponse res, Supplier<JsonNode> healthInfo) {
        ObjectNode body = HttpReplies.MAPPER.createObjectNode();
        body.put("status", "ok");
        JsonNode info;
        try {
            info = healthInfo.get();
        } catch (RuntimeException e) {
            LOG.log(WARNING, "Health information failed", e);
            ObjectNode failed = HttpReplies.MAPPER.createObjectNode();
            failed.put("status", "error");
            failed.put("error", "health information unavailable");
            HttpReplies.json(res, 503, failed);
            return;
        }
        if (info instanceof ObjectNode fields) {
            body.setAll(fields);
        } else if (info != null && !info.isNull() && !info.isMissingNode()) {
            body.set("info", info);
        }
        HttpReplies.json(res, 200, body);
    }

    private static void internalError(ServerRequest req, ServerResponse res, Throwable t) {
        LOG.log(ERROR, "Failed to handle " + req.prologue().method().text() + " " + req.path().path(), t);
        if (!res.isSent()) {
            HttpReplies.error(res, 500, HttpReplies.INTERNAL_ERROR, "Internal error");
        }
    }

    // ---- helpers ----

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(RequestGuard.unbracket(host));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Cannot resolve the bind address " + host + ": " + e.getMessage(), e);
        }
    }

    private static String urlHost(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }

    static Duration sweepInterval(Duration idleTimeout) {
        Duration quarter = idleTimeout.dividedBy(4);
        if (quarter.compareTo(MIN_SWEEP_INTERVAL) < 0) {
            return MIN_SWEEP_INTERVAL;
        }
        return quarter.compareTo(MAX_SWEEP_INTERVAL) > 0 ? MAX_SWEEP_INTERVAL : quarter;
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(WARNING, "HTTP " + what + " failed", e);
            }
        };
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void closeAll(List<AutoCloseable> handles) {
        for (AutoCloseable handle : handles) {
            try {
                handle.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.log(WARNING, "Interrupted while closing the MCP server");
            } catch (Exception e) {
                LOG.log(WARNING, "Closing the MCP server failed", e);
            }
        }
    }
}
