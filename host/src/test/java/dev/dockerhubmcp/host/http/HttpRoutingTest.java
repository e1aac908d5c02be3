package dev.dockerhubmcp.host.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which HTTP methods each path takes, and what every other method is answered. */
class HttpRoutingTest {
    private static final List<String> OTHER_METHODS = List.of("PUT", "PATCH", "OPTIONS", "HEAD");

    private HttpTransportServer server;
    private URI base;

    @BeforeEach
    void start() {
        server = HttpTestSupport.start(HttpTestSupport.loopback(), new HttpTestSupport.TestBinder());
        base = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void otherMethodsAreAnswered405WithAllow() throws Exception {
        Map<String, String> allowed = Map.of(
                "/mcp", "GET, POST, DELETE",
                "/sse", "GET",
                "/message?sessionId=x", "POST",
                "/health", "GET");
        Map<String, String> hints = Map.of(
                "/mcp", "Method Not Allowed: use POST, GET or DELETE",
                "/sse", "Method Not Allowed: use GET",
                "/message?sessionId=x", "Method Not Allowed: use POST",
                "/health", "Method Not Allowed: use GET");
        for (var path : allowed.entrySet()) {
            for (String method : OTHER_METHODS) {
                String what = method + " " + path.getKey();
                HttpResponse<String> res = HttpTestSupport.send(method, base.resolve(path.getKey()));
                assertEquals(405, res.statusCode(), what);
                assertEquals(path.getValue(), res.headers().firstValue("Allow").orElse(""), what);
                if (!"HEAD".equals(method)) {
                    assertEquals(hints.get(path.getKey()),
                            HttpTestSupport.json(res.body()).path("error").path("message").asText(), what);
                }
            }
        }
        // the methods a path does take are not refused
        assertEquals(405, HttpTestSupport.send("POST", base.resolve("/sse")).statusCode());
        assertEquals(405, HttpTestSupport.send("DELETE", base.resolve("/sse")).statusCode());
        assertEquals(405, HttpTestSupport.send("GET", base.resolve("/message?sessionId=x")).statusCode());
        assertEquals(405, HttpTestSupport.send("DELETE", base.resolve("/health")).statusCode());
        for (String method : List.of("GET", "POST", "DELETE")) {
            assertNotEquals(405, HttpTestSupport.send(method, base.resolve("/mcp")).statusCode(), method);
        }
        assertEquals(200, HttpTestSupport.send("GET", base.resolve("/health")).statusCode());
    }

    @Test
    void unknownPathsAre404ForEveryMethod() throws Exception {
        for (String method : List.of("GET", "POST", "DELETE", "PUT")) {
            HttpResponse<String> res = HttpTestSupport.send(method, base.resolve("/mcp/extra"));
            assertEquals(404, res.statusCode(), method);
            assertTrue(res.body().contains("the MCP endpoint is /mcp"), res.body());
            assertFalse(res.headers().firstValue("Allow").isPresent(), method);
        }
    }

    @Test
    void aClosingServerAnswers503OnMcpWhateverTheMethod() throws Exception {
        server.beginShutdown();
        for (String method : List.of("GET", "POST", "DELETE", "PUT")) {
            HttpResponse<String> res = HttpTestSupport.send(method, base.resolve("/mcp"));
            assertEquals(503, res.statusCode(), method);
            assertTrue(res.body().contains("shutting down"), res.body());
        }
        // the legacy paths check the method first
        assertEquals(405, HttpTestSupport.send("PUT", base.resolve("/sse")).statusCode());
        assertEquals(503, HttpTestSupport.send("GET", base.resolve("/sse"), "Accept", "text/event-stream")
                .statusCode());
        assertEquals(503, HttpTestSupport.send("POST", base.resolve("/message?sessionId=x")).statusCode());
    }
}
