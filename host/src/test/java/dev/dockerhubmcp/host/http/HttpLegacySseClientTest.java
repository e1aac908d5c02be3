package dev.dockerhubmcp.host.http;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.dockerhubmcp.host.http.HttpTestSupport.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SDK's legacy HTTP+SSE client (protocol 2024-11-05) against {@code /sse} and {@code /message}. */
class HttpLegacySseClientTest {
    private HttpTestSupport.TestBinder binder;
    private HttpTransportServer server;

    @BeforeEach
    void start() {
        binder = new HttpTestSupport.TestBinder();
        server = HttpTestSupport.start(HttpTestSupport.loopback().withAuthToken("legacy-token"), binder);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void initializeListCallNotificationsAndClose() throws Exception {
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
        HttpClientSseClientTransport transport = HttpClientSseClientTransport
                .builder("http://127.0.0.1:" + server.port())
                .sseEndpoint("/sse")
                .jsonMapper(JSON)
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer legacy-token"))
                .build();
        try (McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(15))
                .progressConsumer(progress::add)
                .loggingConsumer(logs::add)
                .build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertEquals("2024-11-05", init.protocolVersion());
            assertEquals("http-test", init.serverInfo().name());
            assertEquals(1, server.sessionCount());

            assertEquals(List.of("count", "echo"),
                    client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList());
            McpSchema.CallToolResult echo = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "old")));
            assertEquals("echo: old", ((McpSchema.TextContent) echo.content().getFirst()).text());

            client.callTool(McpSchema.CallToolRequest.builder().name("count").arguments(Map.of("n", 2))
                    .progressToken("legacy-p").build());
            HttpTestSupport.eventually(() -> progress.size() == 2 && logs.size() == 1,
                    () -> "progress: " + progress + ", logs: " + logs);
            assertNotNull(client.ping());
        }
        // Closing the client closes its stream; the server then ends the session.
        HttpTestSupport.eventually(() -> server.sessionCount() == 0, () -> "sessions: " + server.sessionCount());
    }

    @Test
    void streamNeedsTheTokenAndMessagesNeedAKnownSession() throws Exception {
        URI sse = URI.create("http://127.0.0.1:" + server.port() + "/sse");
        HttpResponse<String> noToken = HttpTestSupport.send("GET", sse, "Accept", "text/event-stream");
        assertEquals(401, noToken.statusCode());
        assertTrue(noToken.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));

        URI message = URI.create("http://127.0.0.1:" + server.port() + "/message?sessionId=nope");
        HttpResponse<String> unknown = HttpTestSupport.post(message, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                "Content-Type", "application/json", "Authorization", "Bearer legacy-token");
        assertEquals(404, unknown.statusCode());
        assertEquals(HttpReplies.SESSION_NOT_FOUND, HttpTestSupport.json(unknown.body()).path("error").path("code").asInt());

        URI noSession = URI.create("http://127.0.0.1:" + server.port() + "/message");
        assertEquals(400, HttpTestSupport.post(noSession, "{}", "Content-Type", "application/json",
                "Authorization", "Bearer legacy-token").statusCode());
    }
}
