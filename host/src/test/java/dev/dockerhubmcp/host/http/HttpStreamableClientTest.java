package dev.dockerhubmcp.host.http;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.dockerhubmcp.host.http.HttpTestSupport.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SDK's own Streamable HTTP client against the transport. */
class HttpStreamableClientTest {
    private HttpTestSupport.TestBinder binder;
    private HttpTransportServer server;
    private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    private final List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        binder = new HttpTestSupport.TestBinder();
        server = HttpTestSupport.start(HttpTestSupport.loopback().withAuthToken("s3cret-token"), binder);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private McpSyncClient client(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + server.port())
                .endpoint("/mcp")
                .jsonMapper(JSON)
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(15))
                .clientInfo(new McpSchema.Implementation("java-sdk-test", "1.0"))
                .progressConsumer(progress::add)
                .loggingConsumer(logs::add)
                .build();
    }

    @Test
    void initializeListCallPingAndDelete() {
        assertEquals("http://127.0.0.1:" + server.port() + "/mcp", server.endpoint().toString());
        try (McpSyncClient client = client("s3cret-token")) {
            McpSchema.InitializeResult init = client.initialize();
            assertEquals("http-test", init.serverInfo().name());
            assertNotNull(init.capabilities().tools());
            assertNotNull(init.capabilities().logging());
            assertEquals(1, server.sessionCount());

            List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
            assertEquals(List.of("count", "echo"), names);

            McpSchema.CallToolResult echo = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "hi")));
            assertFalse(Boolean.TRUE.equals(echo.isError()));
            assertEquals("echo: hi", ((McpSchema.TextContent) echo.content().getFirst()).text());

            McpSchema.CallToolResult invalid = client.callTool(new McpSchema.CallToolRequest("echo", Map.of()));
            assertTrue(invalid.isError(), "missing required argument is a tool error");

            assertNotNull(client.ping());
            client.setLoggingLevel(McpSchema.LoggingLevel.DEBUG);
        }
        // The SDK client deletes its session when it closes.
        HttpTestSupport.eventually(() -> server.sessionCount() == 0, () -> "sessions: " + server.sessionCount());
    }

    @Test
    void progressAndLogNotificationsArriveDuringTheCall() {
        try (McpSyncClient client = client("s3cret-token")) {
            client.initialize();
            McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder()
                    .name("count").arguments(Map.of("n", 3)).progressToken("p-1").build());
            assertEquals("counted to 3", ((McpSchema.TextContent) result.content().getFirst()).text());
            // Notifications travel on the same event stream, before the result (the client hands them on asynchronously).
            HttpTestSupport.eventually(() -> progress.size() == 3 && logs.size() == 1,
                    () -> "progress: " + progress + ", logs: " + logs);
            // The client may hand notifications to consumers out of order; the wire order is checked in HttpProtocolTest.
            assertTrue(progress.stream().allMatch(p -> "p-1".equals(p.progressToken())), () -> "progress: " + progress);
            assertEquals(List.of(1.0, 2.0, 3.0),
                    progress.stream().map(McpSchema.ProgressNotification::progress).sorted().toList());
            assertEquals(1, logs.size(), () -> "logs: " + logs);
            assertEquals("counting to 3", logs.getFirst().data());
        }
    }

    @Test
    void concurrentCallsInOneSession() throws Exception {
        try (McpSyncClient client = client("s3cret-token")) {
            client.initialize();
            List<Thread> threads = new java.util.ArrayList<>();
            List<String> answers = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                threads.add(Thread.ofVirtual().start(() -> answers.add(((McpSchema.TextContent) client
                        .callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "m" + n)))
                        .content().getFirst()).text())));
            }
            for (Thread t : threads) {
                t.join(20_000);
            }
            assertEquals(8, answers.size());
            for (int i = 0; i < 8; i++) {
                assertTrue(answers.contains("echo: m" + i), () -> "answers: " + answers);
            }
        }
    }

    @Test
    void wrongTokenFailsToInitialize() {
        McpSyncClient client = client("wrong-token");
        try {
            assertThrowsAny(client::initialize);
            assertEquals(0, server.sessionCount());
        } finally {
            client.close();
        }
    }

    private static void assertThrowsAny(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException expected) {
            return;
        }
        throw new AssertionError("expected a failure");
    }
}
