package dev.dockerhubmcp.host.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.dockerhubmcp.host.http.HttpTestSupport.ACCEPT_BOTH;
import static dev.dockerhubmcp.host.http.HttpTestSupport.INIT_BODY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streamable HTTP on the wire: status codes, media types, sessions, GET streams. */
class HttpProtocolTest {
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";

    private HttpTestSupport.TestBinder binder;
    private HttpTransportServer server;
    private URI mcp;

    @BeforeEach
    void start() {
        binder = new HttpTestSupport.TestBinder();
        server = HttpTestSupport.start(HttpTestSupport.loopback(), binder);
        mcp = server.endpoint();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> postInSession(String session, String body, String... extra) throws Exception {
        return HttpTestSupport.post(mcp, body, HttpTestSupport.concat(new String[]{"Content-Type", "application/json",
                "Accept", ACCEPT_BOTH, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18"}, extra));
    }

    @Test
    void requestsAreAnsweredAsJsonOrAsAnEventStream() throws Exception {
        String session = HttpTestSupport.initialize(mcp);
        HttpResponse<String> initialized = postInSession(session,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertEquals(202, initialized.statusCode());
        assertEquals("", initialized.body());

        HttpResponse<String> ping = postInSession(session, PING);
        assertEquals(200, ping.statusCode());
        assertTrue(ping.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(7, HttpTestSupport.json(ping.body()).path("id").asInt());

        HttpResponse<String> list = postInSession(session, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\"}");
        assertEquals(2, HttpTestSupport.json(list.body()).path("result").path("tools").size());

        // tools/call may report progress: it is answered as an event stream.
        HttpResponse<String> call = postInSession(session, """
                {"jsonrpc":"2.0","id":9,"method":"tools/call",
                 "params":{"name":"count","arguments":{"n":2},"_meta":{"progressToken":"t"}}}""");
        assertEquals(200, call.statusCode());
        assertTrue(call.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<JsonNode> events = dataEvents(call.body());
        assertEquals(List.of("notifications/message", "notifications/progress", "notifications/progress"),
                events.subList(0, 3).stream().map(e -> e.path("method").asText()).toList(), call.body());
        assertEquals(9, events.getLast().path("id").asInt());
        assertEquals("counted to 2", events.getLast().path("result").path("content").get(0).path("text").asText());

        // A client that accepts only JSON gets JSON for tools/call too.
        HttpResponse<String> jsonOnly = HttpTestSupport.post(mcp, """
                {"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x"}}}""",
                "Content-Type", "application/json", "Accept", "application/json", "Mcp-Session-Id", session);
        assertEquals(200, jsonOnly.statusCode());
        assertEquals("echo: x", HttpTestSupport.json(jsonOnly.body()).path("result").path("content").get(0).path("text").asText());

        // Unknown methods are JSON-RPC errors, not HTTP errors.
        HttpResponse<String> unknown = postInSession(session, "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"no/such\"}");
        assertEquals(200, unknown.statusCode());
        assertEquals(-32601, HttpTestSupport.json(unknown.body()).path("error").path("code").asInt());
    }

    @Test
    void sessionHeaderIsRequiredAndChecked() throws Exception {
        HttpResponse<String> missing = HttpTestSupport.post(mcp, PING, "Content-Type", "application/json", "Accept", ACCEPT_BOTH);
        assertEquals(400, missing.statusCode());
        assertTrue(HttpTestSupport.json(missing.body()).path("error").path("message").asText().contains("Mcp-Session-Id"));

        HttpResponse<String> unknown = postInSession("no-such-session", PING);
        assertEquals(404, unknown.statusCode());
        assertEquals(HttpReplies.SESSION_NOT_FOUND, HttpTestSupport.json(unknown.body()).path("error").path("code").asInt());

        assertEquals(404, HttpTestSupport.send("GET", mcp, "Accept", "text/event-stream", "Mcp-Session-Id", "nope").statusCode());
        assertEquals(400, HttpTestSupport.send("GET", mcp, "Accept", "text/event-stream").statusCode());
        assertEquals(404, HttpTestSupport.send("DELETE", mcp, "Mcp-Session-Id", "nope").statusCode());
    }

    @Test
    void deleteEndsTheSession() throws Exception {
        String session = HttpTestSupport.initialize(mcp);
        assertEquals(1, server.sessionCount());
        assertEquals(200, HttpTestSupport.send("DELETE", mcp, "Mcp-Session-Id", session).statusCode());
        assertEquals(0, server.sessionCount());
        assertEquals(404, postInSession(session, PING).statusCode());
    }

    @Test
    void badRequestsGetJsonRpcErrors() throws Exception {
        String session = HttpTestSupport.initialize(mcp);
        HttpResponse<String> parse = postInSession(session, "{not json");
        assertEquals(400, parse.statusCode());
        assertEquals(-32700, HttpTestSupport.json(parse.body()).path("error").path("code").asInt());

        HttpResponse<String> batch = postInSession(session, "[" + PING + "]");
        assertEquals(400, batch.statusCode());
        assertEquals(-32600, HttpTestSupport.json(batch.body()).path("error").path("code").asInt());

        assertEquals(400, postInSession(session, "{\"id\":1,\"method\":\"ping\"}").statusCode());

        HttpResponse<String> version = HttpTestSupport.post(mcp, PING, "Content-Type", "application/json",
                "Accept", ACCEPT_BOTH, "Mcp-Session-Id", session, "MCP-Protocol-Version", "1999-01-01");
        assertEquals(400, version.statusCode());
        assertTrue(version.body().contains("MCP-Protocol-Version"));

        assertEquals(415, HttpTestSupport.post(mcp, PING, "Content-Type", "text/plain", "Accept", ACCEPT_BOTH,
                "Mcp-Session-Id", session).statusCode());
        assertEquals(406, HttpTestSupport.post(mcp, PING, "Content-Type", "application/json", "Accept", "text/html",
                "Mcp-Session-Id", session).statusCode());

        HttpResponse<String> put = HttpTestSupport.send("PUT", mcp, "Mcp-Session-Id", session);
        assertEquals(405, put.statusCode());
        assertEquals("GET, POST, DELETE", put.headers().firstValue("Allow").orElse(""));
        assertEquals("2.0", HttpTestSupport.json(put.body()).path("jsonrpc").asText());

        HttpResponse<String> notFound = HttpTestSupport.send("GET", URI.create("http://127.0.0.1:" + server.port() + "/nope"));
        assertEquals(404, notFound.statusCode());
        assertEquals("2.0", HttpTestSupport.json(notFound.body()).path("jsonrpc").asText());

        // A response to a request the server never sent.
        assertEquals(400, postInSession(session, "{\"jsonrpc\":\"2.0\",\"id\":\"x-1\",\"result\":{}}").statusCode());
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        server.close();
        server = HttpTestSupport.start(HttpTestSupport.loopback().withMaxRequestBytes(1024), binder);
        mcp = server.endpoint();
        String session = HttpTestSupport.initialize(mcp);
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\""
                + "x".repeat(2000) + "\"}}}";
        HttpResponse<String> declared = postInSession(session, big);
        assertEquals(413, declared.statusCode());
        assertEquals("2.0", HttpTestSupport.json(declared.body()).path("jsonrpc").asText());

        // Chunked, without a Content-Length.
        HttpRequest chunked = HttpRequest.newBuilder(mcp)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .header("Content-Type", "application/json").header("Accept", ACCEPT_BOTH)
                .header("Mcp-Session-Id", session).build();
        assertEquals(413, HttpTestSupport.CLIENT.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode());

        // Small bodies still pass.
        assertEquals(200, postInSession(session, PING).statusCode());
    }

    @Test
    void sessionCountIsBounded() throws Exception {
        server.close();
        server = HttpTestSupport.start(HttpTestSupport.loopback().withMaxSessions(2), binder);
        mcp = server.endpoint();
        // two clients (one session each: the per-client cap is half the global one) fill the server
        java.net.http.HttpClient other = HttpTestSupport.clientFrom("127.0.0.2");
        String first = HttpTestSupport.initialize(other, mcp);
        HttpTestSupport.initialize(mcp);
        java.net.http.HttpClient late = HttpTestSupport.clientFrom("127.0.0.3");
        HttpResponse<String> third = HttpTestSupport.post(late, mcp, INIT_BODY, "Content-Type", "application/json",
                "Accept", ACCEPT_BOTH);
        assertEquals(503, third.statusCode());
        JsonNode error = HttpTestSupport.json(third.body());
        assertEquals(1, error.path("id").asInt());
        assertEquals(HttpReplies.SERVER_ERROR, error.path("error").path("code").asInt());
        assertTrue(error.path("error").path("message").asText().contains("too many sessions"));
        assertTrue(third.headers().firstValue("Retry-After").isPresent());
        // The legacy transport shares the cap.
        assertEquals(503, HttpTestSupport.send(late, "GET", URI.create("http://127.0.0.1:" + server.port() + "/sse"),
                "Accept", "text/event-stream").statusCode());

        assertEquals(200, HttpTestSupport.send(other, "DELETE", mcp, "Mcp-Session-Id", first).statusCode());
        HttpTestSupport.initialize(late, mcp);
        assertEquals(2, server.sessionCount());
    }

    @Test
    void idleSessionsExpire() throws Exception {
        server.close();
        server = HttpTestSupport.start(HttpTestSupport.loopback().withIdleTimeout(Duration.ofSeconds(1)), binder);
        mcp = server.endpoint();
        String idle = HttpTestSupport.initialize(mcp);
        String busy = HttpTestSupport.initialize(mcp);
        // Three idle timeouts pass; only one of the sessions is used meanwhile.
        for (int i = 0; i < 30; i++) {
            assertEquals(200, postInSession(busy, PING).statusCode(), "activity keeps a session alive");
            Thread.sleep(100);
        }
        HttpResponse<String> res = postInSession(idle, PING);
        assertEquals(404, res.statusCode(), res.body());
        assertEquals(HttpReplies.SESSION_NOT_FOUND, HttpTestSupport.json(res.body()).path("error").path("code").asInt());
        assertEquals(200, postInSession(busy, PING).statusCode());
        assertEquals(1, server.sessionCount());
    }

    @Test
    void idleExpiryWithoutAnyRequest() throws Exception {
        server.close();
        server = HttpTestSupport.start(HttpTestSupport.loopback().withIdleTimeout(Duration.ofMillis(200)), binder);
        mcp = server.endpoint();
        String session = HttpTestSupport.initialize(mcp);
        assertEquals(1, server.sessionCount());
        HttpTestSupport.eventually(() -> server.sessionCount() == 0, () -> "sessions: " + server.sessionCount());
        assertEquals(404, postInSession(session, PING).statusCode());
    }

    @Test
    void severalGetStreamsPerSession() throws Exception {
        String session = HttpTestSupport.initialize(mcp);
        SseReader first = SseReader.open(mcp, session);
        SseReader second = SseReader.open(mcp, session);
        assertEquals(200, first.status);
        assertEquals(200, second.status);

        // A server notification goes to exactly one stream: the newest.
        binder.streamable.addTool(tool("extra1"));
        JsonNode event = second.next(5);
        assertEquals("notifications/tools/list_changed", event.path("method").asText());

        // The newest stream goes away: the older one takes over once the server notices (keepalive pings).
        second.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode received = null;
        int n = 2;
        while (received == null && System.nanoTime() < deadline) {
            binder.streamable.addTool(tool("extra" + n++));
            received = first.poll(300);
        }
        assertTrue(received != null, "the remaining stream receives notifications");
        assertEquals("notifications/tools/list_changed", received.path("method").asText());

        // Several, but not unboundedly many.
        List<SseReader> more = new ArrayList<>();
        for (int i = 1; i < StreamableHttpTransport.MAX_GET_STREAMS_PER_SESSION; i++) {
            more.add(SseReader.open(mcp, session));
        }
        HttpResponse<String> tooMany = HttpTestSupport.send("GET", mcp, "Accept", "text/event-stream",
                "Mcp-Session-Id", session);
        assertEquals(409, tooMany.statusCode(), tooMany.body());

        // The session is not idle while a stream is open; DELETE ends the stream.
        assertEquals(200, HttpTestSupport.send("DELETE", mcp, "Mcp-Session-Id", session).statusCode());
        assertTrue(first.awaitEnd(5), "the GET stream ends with its session");
        for (SseReader reader : more) {
            assertTrue(reader.awaitEnd(5), "every GET stream ends with its session");
        }
    }

    @Test
    void closeEndsSessionsStreamsAndThreads() throws Exception {
        String session = HttpTestSupport.initialize(mcp);
        SseReader reader = SseReader.open(mcp, session);
        int port = server.port();
        server.close();
        assertTrue(reader.awaitEnd(5), "open streams end on close");
        assertEquals(0, server.sessionCount());
        assertEquals(2, binder.closed.get(), "both MCP server handles are closed");
        Thread.sleep(200);
        List<String> leftovers = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("dockerhub-mcp-http-")) {
                leftovers.add(t.getName());
            }
        }
        assertEquals(List.of(), leftovers);
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
            throw new AssertionError("still listening on " + port);
        } catch (java.io.IOException expected) {
            // closed
        }
        server.close(); // idempotent
    }

    private static McpServerFeatures.SyncToolSpecification tool(String name) {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder().name(name).description("extra").inputSchema(HttpTestSupport.JSON,
                        "{\"type\":\"object\"}").build())
                .callHandler((ex, req) -> McpSchema.CallToolResult.builder().addTextContent(name).build())
                .build();
    }

    private static List<JsonNode> dataEvents(String body) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data:")) {
                events.add(HttpTestSupport.json(line.substring(5).strip()));
            }
        }
        return events;
    }

    /** A GET event stream read on a background thread. */
    static final class SseReader implements AutoCloseable {
        final int status;
        private final InputStream in;
        private final java.util.concurrent.BlockingQueue<JsonNode> events = new java.util.concurrent.LinkedBlockingQueue<>();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        private SseReader(HttpResponse<InputStream> response) {
            this.status = response.statusCode();
            this.in = response.body();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            events.add(HttpTestSupport.json(line.substring(5).strip()));
                        }
                    }
                } catch (Exception e) {
                    // closed
                } finally {
                    ended.complete(null);
                }
            });
        }

        static SseReader open(URI mcp, String session) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(mcp).GET().header("Accept", "text/event-stream")
                    .header("Mcp-Session-Id", session).build();
            // Returns once the headers are in: the server flushes them at once.
            HttpResponse<InputStream> response = HttpTestSupport.CLIENT
                    .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(5, TimeUnit.SECONDS);
            assertFalse(response.headers().firstValue("Content-Type").orElse("").isEmpty());
            return new SseReader(response);
        }

        JsonNode next(int seconds) throws InterruptedException {
            JsonNode event = events.poll(seconds, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + seconds + " s");
            }
            return event;
        }

        JsonNode poll(long millis) throws InterruptedException {
            return events.poll(millis, TimeUnit.MILLISECONDS);
        }

        boolean awaitEnd(int seconds) {
            try {
                ended.get(seconds, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        @Override
        public void close() throws Exception {
            in.close();
        }
    }
}
