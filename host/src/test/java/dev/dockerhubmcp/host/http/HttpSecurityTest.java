package dev.dockerhubmcp.host.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static dev.dockerhubmcp.host.http.HttpTestSupport.ACCEPT_BOTH;
import static dev.dockerhubmcp.host.http.HttpTestSupport.INIT_BODY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DNS-rebinding protection, the bearer token and the refusal to expose an open server. */
class HttpSecurityTest {

    private static Map<String, String> mcpHeaders(String host) {
        return Map.of("Host", host, "Content-Type", "application/json", "Accept", ACCEPT_BOTH);
    }

    @Test
    void foreignHostIsRefusedOnEveryPath() throws Exception {
        try (HttpTransportServer server = HttpTestSupport.start(HttpTestSupport.loopback(), new HttpTestSupport.TestBinder())) {
            int port = server.port();
            HttpTestSupport.RawResponse mcp = HttpTestSupport.raw(port, "POST", "/mcp",
                    mcpHeaders("evil.example.com"), INIT_BODY);
            assertEquals(421, mcp.status());
            JsonNode error = HttpTestSupport.json(mcp.body());
            assertEquals("2.0", error.path("jsonrpc").asText());
            assertTrue(error.path("error").path("message").asText().contains("Host"), mcp.body());
            assertFalse(mcp.body().contains("Exception"), "no stack traces: " + mcp.body());

            assertEquals(421, HttpTestSupport.raw(port, "GET", "/health", Map.of("Host", "evil.example.com:" + port), null).status());
            assertEquals(421, HttpTestSupport.raw(port, "GET", "/sse", Map.of("Host", "evil.example.com"), null).status());
            assertEquals(0, server.sessionCount());
        }
    }

    @Test
    void loopbackHostsWithAnyPortAreAccepted() throws Exception {
        try (HttpTransportServer server = HttpTestSupport.start(HttpTestSupport.loopback(), new HttpTestSupport.TestBinder())) {
            int port = server.port();
            for (String host : new String[]{"localhost", "localhost:1234", "127.0.0.1:" + port, "[::1]:8080", "LOCALHOST"}) {
                HttpTestSupport.RawResponse res = HttpTestSupport.raw(port, "POST", "/mcp", mcpHeaders(host), INIT_BODY);
                assertEquals(200, res.status(), host + ": " + res.body());
            }
        }
    }

    @Test
    void configuredHostsAreAccepted() throws Exception {
        HttpSettings settings = HttpTestSupport.loopback().withAllowedHosts(Set.of("mcp.internal", "proxy.example:8443"));
        try (HttpTransportServer server = HttpTestSupport.start(settings, new HttpTestSupport.TestBinder())) {
            int port = server.port();
            assertEquals(200, HttpTestSupport.raw(port, "GET", "/health", Map.of("Host", "mcp.internal:9000"), null).status());
            assertEquals(200, HttpTestSupport.raw(port, "GET", "/health", Map.of("Host", "proxy.example:8443"), null).status());
            assertEquals(421, HttpTestSupport.raw(port, "GET", "/health", Map.of("Host", "proxy.example:8444"), null).status());
        }
    }

    @Test
    void foreignOriginIsForbidden() throws Exception {
        HttpSettings settings = HttpTestSupport.loopback().withAllowedOrigins(Set.of("https://app.example.com"));
        try (HttpTransportServer server = HttpTestSupport.start(settings, new HttpTestSupport.TestBinder())) {
            URI mcp = server.endpoint();
            HttpResponse<String> evil = HttpTestSupport.post(mcp, INIT_BODY, "Content-Type", "application/json",
                    "Accept", ACCEPT_BOTH, "Origin", "http://evil.example.com");
            assertEquals(403, evil.statusCode());
            assertEquals(HttpReplies.SERVER_ERROR, HttpTestSupport.json(evil.body()).path("error").path("code").asInt());

            // Both headers foreign, as the conformance suite sends them.
            Map<String, String> both = Map.of("Host", "evil.example.com", "Origin", "http://evil.example.com",
                    "Content-Type", "application/json", "Accept", ACCEPT_BOTH);
            int status = HttpTestSupport.raw(server.port(), "POST", "/mcp", both, INIT_BODY).status();
            assertTrue(status >= 400 && status < 500, "status " + status);

            for (String origin : new String[]{"http://localhost:3000", "http://127.0.0.1:" + server.port(),
                    "http://[::1]:5173", "https://app.example.com"}) {
                HttpResponse<String> ok = HttpTestSupport.post(mcp, INIT_BODY, "Content-Type", "application/json",
                        "Accept", ACCEPT_BOTH, "Origin", origin);
                assertEquals(200, ok.statusCode(), origin);
            }
            for (String origin : new String[]{"null", "http://localhost.evil.com", "file://", "https://app.example.com.evil"}) {
                assertEquals(403, HttpTestSupport.post(mcp, INIT_BODY, "Content-Type", "application/json",
                        "Accept", ACCEPT_BOTH, "Origin", origin).statusCode(), origin);
            }
        }
    }

    @Test
    void bearerTokenIsRequiredWhenConfigured() throws Exception {
        HttpSettings settings = HttpTestSupport.loopback().withAuthToken("correct-horse");
        try (HttpTransportServer server = HttpTestSupport.start(settings, new HttpTestSupport.TestBinder())) {
            URI mcp = server.endpoint();
            HttpResponse<String> missing = HttpTestSupport.post(mcp, INIT_BODY, "Content-Type", "application/json",
                    "Accept", ACCEPT_BOTH);
            assertEquals(401, missing.statusCode());
            assertTrue(missing.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertEquals("2.0", HttpTestSupport.json(missing.body()).path("jsonrpc").asText());

            for (String auth : new String[]{"Bearer wrong", "Bearer correct-hors", "Bearer correct-horsee", "Basic Y29ycmVjdC1ob3JzZQ==", "correct-horse"}) {
                HttpResponse<String> wrong = HttpTestSupport.post(mcp, INIT_BODY, "Content-Type", "application/json",
                        "Accept", ACCEPT_BOTH, "Authorization", auth);
                assertEquals(401, wrong.statusCode(), auth);
                assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"), auth);
            }
            HttpResponse<String> right = HttpTestSupport.post(mcp, INIT_BODY, "Content-Type", "application/json",
                    "Accept", ACCEPT_BOTH, "Authorization", "Bearer correct-horse");
            assertEquals(200, right.statusCode(), right.body());
            assertEquals("http-test", HttpTestSupport.json(right.body()).path("result").path("serverInfo").path("name").asText());
            assertEquals(1, server.sessionCount());

            // A session id is no substitute for the token.
            String session = right.headers().firstValue("Mcp-Session-Id").orElseThrow();
            assertEquals(401, HttpTestSupport.post(mcp, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
                    "Content-Type", "application/json", "Accept", ACCEPT_BOTH, "Mcp-Session-Id", session).statusCode());

            // The health check needs no token, and unknown paths do not reveal themselves without one.
            URI health = URI.create("http://127.0.0.1:" + server.port() + "/health");
            HttpResponse<String> ok = HttpTestSupport.send("GET", health);
            assertEquals(200, ok.statusCode());
            assertEquals("ok", HttpTestSupport.json(ok.body()).path("status").asText());
            assertEquals("test", HttpTestSupport.json(ok.body()).path("version").asText());
            assertEquals(401, HttpTestSupport.send("GET", URI.create("http://127.0.0.1:" + server.port() + "/admin")).statusCode());
        }
    }

    @Test
    void refusesToExposeAnOpenServer() {
        HttpTestSupport.TestBinder binder = new HttpTestSupport.TestBinder();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HttpTransportServer.start(
                HttpSettings.defaults().withHost("0.0.0.0").withPort(0), binder, HttpTestSupport.MAPPER::createObjectNode));
        assertTrue(e.getMessage().contains("MCP_AUTH_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("--allow-unauthenticated"), e.getMessage());
        assertEquals(0, binder.bindCalls.get(), "nothing is bound or started");
    }

    @Test
    void loopbackNeedsNoToken() {
        assertFalse(RequestGuard.exposesBeyondLoopback("127.0.0.1"));
        assertFalse(RequestGuard.exposesBeyondLoopback("localhost"));
        assertFalse(RequestGuard.exposesBeyondLoopback("::1"));
        assertFalse(RequestGuard.exposesBeyondLoopback("[::1]"));
        assertTrue(RequestGuard.exposesBeyondLoopback("0.0.0.0"));
        assertTrue(RequestGuard.exposesBeyondLoopback("::"));
        assertTrue(RequestGuard.exposesBeyondLoopback("192.0.2.10"));
    }

    @Test
    void settingsNeverPrintTheToken() {
        assertFalse(HttpSettings.defaults().withAuthToken("super-secret").toString().contains("super-secret"));
        assertEquals(null, HttpSettings.defaults().withAuthToken("  ").authToken());
    }
}
