package dev.dockerhubmcp.host.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.dockerhubmcp.host.http.HttpTestSupport.ACCEPT_BOTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input over both HTTP transports, and the session rules: per-client cap, expiry, ownership, token length. */
class HttpRobustnessTest {
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    private static final String CALL_WITHOUT_PARAMS = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\"}";

    /** Each bad message with the JSON-RPC error code it must get. */
    static final Map<String, Integer> BAD = new LinkedHashMap<>();

    static {
        BAD.put("", -32700);
        BAD.put("not json", -32700);
        BAD.put("{", -32700);
        BAD.put("[]", -32600);
        BAD.put("[{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}]", -32600);
        BAD.put("{}", -32600);
        BAD.put("{\"id\":1}", -32600);
        BAD.put("null", -32600);
        BAD.put("123", -32600);
        BAD.put("\u0000", -32700);
        BAD.put("\"id\":{\"a\":1}", -32700);
    }

    private final HttpTestSupport.TestBinder binder = new HttpTestSupport.TestBinder();
    private HttpTransportServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private URI start(HttpSettings settings) {
        server = HttpTestSupport.start(settings, binder);
        return server.endpoint();
    }

    private static HttpResponse<String> post(HttpClient client, URI mcp, String session, String body,
                                             String accept) throws Exception {
        return HttpTestSupport.post(client, mcp, body, "Content-Type", "application/json", "Accept", accept,
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18");
    }

    /** The JSON-RPC messages of a body that is either JSON or an event stream. */
    private static List<JsonNode> messages(HttpResponse<String> res) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        if (res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            for (String line : res.body().split("\n")) {
                if (line.startsWith("data:")) {
                    out.add(HttpTestSupport.json(line.substring(5).strip()));
                }
            }
        } else {
            out.add(HttpTestSupport.json(res.body()));
        }
        return out;
    }

    @Test
    void everyBadBodyGetsAJsonRpcErrorAndTheSessionGoesOn() throws Exception {
        URI mcp = start(HttpTestSupport.loopback());
        String session = HttpTestSupport.initialize(mcp);
        assertEquals(202, post(HttpTestSupport.CLIENT, mcp, session,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", ACCEPT_BOTH).statusCode());
        for (Map.Entry<String, Integer> bad : BAD.entrySet()) {
            HttpResponse<String> res = post(HttpTestSupport.CLIENT, mcp, session, bad.getKey(), ACCEPT_BOTH);
            assertEquals(400, res.statusCode(), bad.getKey() + " -> " + res.body());
            JsonNode error = HttpTestSupport.json(res.body());
            assertEquals("2.0", error.path("jsonrpc").asText());
            assertEquals(bad.getValue().intValue(), error.path("error").path("code").asInt(), bad.getKey());
            assertTrue(error.has("id"), "an error always has an id member: " + res.body());
            assertFalse(res.body().contains("io.modelcontextprotocol") || res.body().contains("jackson"), res.body());
            HttpResponse<String> good = post(HttpTestSupport.CLIENT, mcp, session, LIST, ACCEPT_BOTH);
            assertEquals(200, good.statusCode(), "after " + bad.getKey() + ": " + good.body());
            assertEquals(2, HttpTestSupport.json(good.body()).path("result").path("tools").size());
        }
        // an id that can be read is echoed; one that cannot is null
        assertEquals(1, HttpTestSupport.json(post(HttpTestSupport.CLIENT, mcp, session, "{\"id\":1}", ACCEPT_BOTH)
                .body()).path("id").asInt());
        assertTrue(HttpTestSupport.json(post(HttpTestSupport.CLIENT, mcp, session, "{", ACCEPT_BOTH).body())
                .path("id").isNull());
    }

    @Test
    void toolsCallWithoutParamsIsAnsweredInvalidParamsOnStreamableHttp() throws Exception {
        URI mcp = start(HttpTestSupport.loopback());
        String session = HttpTestSupport.initialize(mcp);
        post(HttpTestSupport.CLIENT, mcp, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                ACCEPT_BOTH);
        for (String accept : List.of(ACCEPT_BOTH, "application/json", "text/event-stream")) {
            HttpResponse<String> res = post(HttpTestSupport.CLIENT, mcp, session, CALL_WITHOUT_PARAMS, accept);
            assertEquals(200, res.statusCode(), accept + ": " + res.body());
            List<JsonNode> messages = messages(res);
            assertEquals(1, messages.size(), accept + ": " + res.body());
            JsonNode answer = messages.getFirst();
            assertEquals(3, answer.path("id").asInt(), res.body());
            assertEquals(-32602, answer.path("error").path("code").asInt(), res.body());
            assertTrue(answer.path("error").path("message").asText().contains("params"), res.body());
            assertFalse(res.body().contains("McpSchema") || res.body().contains("$"), res.body());
        }
        // a call without its name, and arguments that are no object
        HttpResponse<String> noName = post(HttpTestSupport.CLIENT, mcp, session,
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{}}", "application/json");
        assertTrue(HttpTestSupport.json(noName.body()).path("error").path("message").asText().contains("'name'"));
        HttpResponse<String> badArgs = post(HttpTestSupport.CLIENT, mcp, session,
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":[]}}",
                "application/json");
        assertTrue(HttpTestSupport.json(badArgs.body()).path("error").path("message").asText().contains("'arguments'"));
        // and the session still answers calls
        HttpResponse<String> ok = post(HttpTestSupport.CLIENT, mcp, session,
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":"
                        + "{\"text\":\"x\"}}}", "application/json");
        assertEquals("echo: x", HttpTestSupport.json(ok.body()).path("result").path("content").get(0).path("text")
                .asText());
    }

    @Test
    void toolsCallWithoutParamsIsAnsweredInvalidParamsOnLegacySse() throws Exception {
        start(HttpTestSupport.loopback());
        URI base = URI.create("http://127.0.0.1:" + server.port());
        try (LegacyStream stream = LegacyStream.open(base)) {
            URI message = base.resolve(stream.endpoint);
            assertEquals(202, HttpTestSupport.post(message, HttpTestSupport.INIT_BODY.replace("2025-06-18", "2024-11-05"),
                    "Content-Type", "application/json").statusCode());
            assertEquals(1, stream.next().path("id").asInt());
            HttpTestSupport.post(message, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "Content-Type", "application/json");
            assertEquals(202, HttpTestSupport.post(message, CALL_WITHOUT_PARAMS, "Content-Type", "application/json")
                    .statusCode());
            JsonNode answer = stream.next();
            assertEquals(3, answer.path("id").asInt(), answer.toString());
            assertEquals(-32602, answer.path("error").path("code").asInt(), answer.toString());
            assertFalse(answer.toString().contains("McpSchema"), answer.toString());
            // a bad body is refused on the POST itself, and the session goes on
            HttpResponse<String> bad = HttpTestSupport.post(message, "{", "Content-Type", "application/json");
            assertEquals(400, bad.statusCode());
            assertEquals(-32700, HttpTestSupport.json(bad.body()).path("error").path("code").asInt());
            HttpTestSupport.post(message, LIST, "Content-Type", "application/json");
            assertEquals(2, stream.next().path("result").path("tools").size());
        }
    }

    @Test
    void oneClientCannotTakeEverySession() throws Exception {
        URI mcp = start(HttpTestSupport.loopback().withMaxSessions(4));
        HttpClient greedy = HttpTestSupport.clientFrom("127.0.0.2");
        HttpTestSupport.initialize(greedy, mcp);
        HttpTestSupport.initialize(greedy, mcp);
        HttpResponse<String> more = HttpTestSupport.post(greedy, mcp, HttpTestSupport.INIT_BODY,
                "Content-Type", "application/json", "Accept", ACCEPT_BOTH);
        assertEquals(429, more.statusCode(), more.body());
        assertTrue(more.body().contains("this client already holds 2 sessions"), more.body());
        assertTrue(more.headers().firstValue("Retry-After").isPresent());
        // nor through the legacy transport
        assertEquals(429, HttpTestSupport.send(greedy, "GET", URI.create("http://127.0.0.1:" + server.port() + "/sse"),
                "Accept", "text/event-stream").statusCode());
        // another client still gets in
        HttpClient other = HttpTestSupport.clientFrom("127.0.0.3");
        HttpTestSupport.initialize(other, mcp);
        HttpTestSupport.initialize(other, mcp);
        // the global cap still holds
        HttpResponse<String> full = HttpTestSupport.post(HttpTestSupport.clientFrom("127.0.0.4"), mcp,
                HttpTestSupport.INIT_BODY, "Content-Type", "application/json", "Accept", ACCEPT_BOTH);
        assertEquals(503, full.statusCode(), full.body());
        assertEquals(4, server.sessionCount());
    }

    @Test
    void idleSessionsExpireEvenWithAnOpenStream() throws Exception {
        URI mcp = start(HttpTestSupport.loopback().withIdleTimeout(Duration.ofMillis(500)));
        String session = HttpTestSupport.initialize(mcp);
        HttpRequest get = HttpRequest.newBuilder(mcp).GET().header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).build();
        HttpResponse<InputStream> stream = HttpTestSupport.CLIENT
                .sendAsync(get, HttpResponse.BodyHandlers.ofInputStream()).get(5, TimeUnit.SECONDS);
        assertEquals(200, stream.statusCode());
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
            try (InputStream in = stream.body()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (Exception e) {
                // ended
            }
        });
        // keepalive pings flow every 100 ms on the stream, yet the session expires and the stream ends
        ended.get(10, TimeUnit.SECONDS);
        assertEquals(0, server.sessionCount());
        HttpResponse<String> after = post(HttpTestSupport.CLIENT, mcp, session, LIST, ACCEPT_BOTH);
        assertEquals(404, after.statusCode(), after.body());
    }

    @Test
    void legacySessionsExpireWhenIdle() throws Exception {
        start(HttpTestSupport.loopback().withIdleTimeout(Duration.ofMillis(500)));
        URI base = URI.create("http://127.0.0.1:" + server.port());
        try (LegacyStream stream = LegacyStream.open(base)) {
            assertTrue(stream.awaitEnd(10), "the idle legacy session's stream is closed");
            assertEquals(404, HttpTestSupport.post(base.resolve(stream.endpoint), LIST,
                    "Content-Type", "application/json").statusCode());
        }
    }

    @Test
    void aSessionBelongsToTheClientThatOpenedIt() throws Exception {
        URI mcp = start(HttpTestSupport.loopback());
        String session = HttpTestSupport.initialize(mcp);
        post(HttpTestSupport.CLIENT, mcp, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                ACCEPT_BOTH);
        HttpClient intruder = HttpTestSupport.clientFrom("127.0.0.2");
        HttpResponse<String> delete = HttpTestSupport.send(intruder, "DELETE", mcp, "Mcp-Session-Id", session);
        assertEquals(404, delete.statusCode(), delete.body());
        assertEquals(HttpReplies.SESSION_NOT_FOUND, HttpTestSupport.json(delete.body()).path("error").path("code").asInt());
        HttpResponse<String> unknown = HttpTestSupport.send(intruder, "DELETE", mcp, "Mcp-Session-Id", "no-such-session");
        assertEquals(delete.body(), unknown.body(), "a foreign session looks exactly like an unknown one");
        assertEquals(404, post(intruder, mcp, session, LIST, ACCEPT_BOTH).statusCode());
        assertEquals(404, HttpTestSupport.send(intruder, "GET", mcp, "Accept", "text/event-stream",
                "Mcp-Session-Id", session).statusCode());
        // the owner is unaffected
        assertEquals(1, server.sessionCount());
        assertEquals(200, post(HttpTestSupport.CLIENT, mcp, session, LIST, ACCEPT_BOTH).statusCode());
        assertEquals(200, HttpTestSupport.send("DELETE", mcp, "Mcp-Session-Id", session).statusCode());
        assertEquals(0, server.sessionCount());
    }

    @Test
    void machinesSharingTheTokenAreSeparateClients() throws Exception {
        String token = "shared-token-of-the-whole-team";
        String[] auth = {"Authorization", "Bearer " + token};
        URI mcp = start(HttpTestSupport.loopback().withAuthToken(token).withMaxSessions(4));
        HttpClient first = HttpTestSupport.clientFrom("127.0.0.2");
        HttpClient second = HttpTestSupport.clientFrom("127.0.0.3");
        String session = HttpTestSupport.initialize(first, mcp, auth);
        HttpTestSupport.initialize(first, mcp, auth);
        HttpResponse<String> third = HttpTestSupport.post(first, mcp, HttpTestSupport.INIT_BODY,
                HttpTestSupport.concat(new String[]{"Content-Type", "application/json", "Accept", ACCEPT_BOTH}, auth));
        assertEquals(429, third.statusCode(), third.body());
        // the same token from another machine: its own cap, and no access to the first machine's sessions
        HttpTestSupport.initialize(second, mcp, auth);
        assertEquals(3, server.sessionCount());
        HttpResponse<String> foreign = HttpTestSupport.send(second, "DELETE", mcp,
                HttpTestSupport.concat(new String[]{"Mcp-Session-Id", session}, auth));
        assertEquals(404, foreign.statusCode(), foreign.body());
        HttpResponse<String> unknown = HttpTestSupport.send(second, "DELETE", mcp,
                HttpTestSupport.concat(new String[]{"Mcp-Session-Id", "no-such-session"}, auth));
        assertEquals(unknown.body(), foreign.body(), "a foreign session looks exactly like an unknown one");
        assertEquals(404, HttpTestSupport.post(second, mcp, LIST, HttpTestSupport.concat(new String[]{
                "Content-Type", "application/json", "Accept", ACCEPT_BOTH, "Mcp-Session-Id", session}, auth))
                .statusCode());
        // the owner is unaffected
        assertEquals(200, HttpTestSupport.post(first, mcp, LIST, HttpTestSupport.concat(new String[]{
                "Content-Type", "application/json", "Accept", ACCEPT_BOTH, "Mcp-Session-Id", session}, auth))
                .statusCode());
        assertEquals(3, server.sessionCount());
    }

    @Test
    void legacySessionsBelongToTheirClientToo() throws Exception {
        start(HttpTestSupport.loopback());
        URI base = URI.create("http://127.0.0.1:" + server.port());
        try (LegacyStream stream = LegacyStream.open(base)) {
            HttpResponse<String> foreign = HttpTestSupport.post(HttpTestSupport.clientFrom("127.0.0.2"),
                    base.resolve(stream.endpoint), HttpTestSupport.INIT_BODY, "Content-Type", "application/json");
            assertEquals(404, foreign.statusCode(), foreign.body());
            assertEquals(202, HttpTestSupport.post(base.resolve(stream.endpoint), HttpTestSupport.INIT_BODY,
                    "Content-Type", "application/json").statusCode());
            assertEquals(1, stream.next().path("id").asInt());
        }
    }

    @Test
    void aShortTokenIsRefusedBeyondLoopback() {
        String shortToken = "x".repeat(HttpTransportServer.MIN_EXPOSED_TOKEN_LENGTH - 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HttpTransportServer.start(
                HttpSettings.defaults().withHost("0.0.0.0").withPort(0).withAuthToken(shortToken), binder,
                HttpTestSupport.MAPPER::createObjectNode));
        assertTrue(e.getMessage().contains("MCP_AUTH_TOKEN") && e.getMessage().contains("32"), e.getMessage());
        assertFalse(e.getMessage().contains(shortToken), "the token is never printed");
        assertEquals(0, binder.bindCalls.get(), "nothing was started");
        // one character is refused as well, with or without --allow-unauthenticated
        assertThrows(IllegalStateException.class, () -> HttpTransportServer.start(HttpSettings.defaults()
                .withHost("0.0.0.0").withPort(0).withAuthToken("a").withAllowUnauthenticated(true), binder,
                HttpTestSupport.MAPPER::createObjectNode));
        // on loopback a short token is the user's business
        URI mcp = start(HttpTestSupport.loopback().withAuthToken("a"));
        assertNotNull(mcp);
    }

    /** A legacy {@code GET /sse} stream: its endpoint, then its messages. */
    private static final class LegacyStream implements AutoCloseable {
        final String endpoint;
        private final InputStream in;
        private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        private LegacyStream(InputStream in, BufferedReader reader, String endpoint) {
            this.in = in;
            this.endpoint = endpoint;
            Thread.ofVirtual().start(() -> {
                try {
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

        static LegacyStream open(URI base) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/sse")).GET()
                    .header("Accept", "text/event-stream").build();
            HttpResponse<InputStream> response = HttpTestSupport.CLIENT
                    .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(5, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    return new LegacyStream(response.body(), reader, line.substring(5).strip());
                }
            }
            throw new AssertionError("no endpoint event");
        }

        JsonNode next() throws InterruptedException {
            JsonNode event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no message within 10 s");
            }
            return event;
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
