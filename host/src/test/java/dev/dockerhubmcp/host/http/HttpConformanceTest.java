package dev.dockerhubmcp.host.http;

import dev.dockerhubmcp.testkit.conformance.ConformanceRunner;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static dev.dockerhubmcp.host.http.HttpTestSupport.JSON;
import static dev.dockerhubmcp.host.http.HttpTestSupport.MAPPER;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The official MCP conformance suite (server mode) against the Streamable HTTP transport, with a small server that
 * has the fixture tools the suite's tool scenarios call ({@code test_simple_text}, {@code test_tool_with_logging},
 * {@code test_tool_with_progress}, {@code test_error_handling}, {@code test_sampling}, {@code test_elicitation}).
 * Needs {@code .ci/install-tools}; fails (does not skip) without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpConformanceTest {
    private ConformanceRunner runner;
    private HttpTransportServer server;

    @BeforeAll
    void start() {
        try {
            runner = ConformanceRunner.fromEnvironment();
        } catch (IllegalStateException e) {
            fail("The MCP conformance suite is not installed (" + e.getMessage()
                    + "). Run .ci/install-tools from the repository root first.");
        }
        server = HttpTransportServer.start(HttpSettings.defaults().withPort(0), new FixtureBinder(),
                () -> MAPPER.createObjectNode().put("suite", "conformance"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "server-initialize", "ping", "tools-list", "logging-set-level", "server-sse-multiple-streams",
            "dns-rebinding-protection",
            "tools-call-simple-text", "tools-call-with-logging", "tools-call-with-progress", "tools-call-error",
            "tools-call-sampling", "tools-call-elicitation"})
    void scenarioPasses(String scenario) {
        ConformanceRunner.Result result = runner.runServerScenario(scenario, server.endpoint(), Duration.ofSeconds(90));
        assertTrue(result.passed(), result::toString);
    }

    /** The runner reports failures: this server offers no completions. */
    @Test
    void aMissingFeatureFails() {
        ConformanceRunner.Result result = runner.runServerScenario("completion-complete", server.endpoint(),
                Duration.ofSeconds(90));
        assertFalse(result.passed(), result::toString);
        assertTrue(result.checksFailed() > 0, result::toString);
        assertFalse(result.timedOut(), result::toString);
    }

    /** A scenario that cannot finish in time is killed and fails. */
    @Test
    void aRunIsBoundedInTime() {
        long start = System.nanoTime();
        ConformanceRunner.Result result = runner.runServerScenario("server-initialize", server.endpoint(),
                Duration.ofMillis(1));
        assertFalse(result.passed(), result::toString);
        assertTrue(result.timedOut(), result::toString);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(30)) < 0);
    }

    /** Binds the conformance fixture tools on both transports. */
    private static final class FixtureBinder implements McpServerBinder {
        @Override
        public AutoCloseable bindStreamable(McpStreamableServerTransportProvider provider) {
            McpSyncServer s = build(McpServer.sync(provider));
            return s::closeGracefully;
        }

        @Override
        public AutoCloseable bindSse(McpServerTransportProvider provider) {
            McpSyncServer s = build(McpServer.sync(provider));
            return s::closeGracefully;
        }

        private static McpSyncServer build(McpServer.SyncSpecification<?> spec) {
            return spec.serverInfo("conformance-fixture", "1.0.0")
                    .jsonMapper(JSON)
                    .jsonSchemaValidator(new io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator(MAPPER))
                    .capabilities(McpSchema.ServerCapabilities.builder().tools(true).logging().build())
                    .tools(
                            tool("test_simple_text", "{\"type\":\"object\"}", (ex, req) -> text(
                                    "This is a simple text response for testing.")),
                            tool("test_tool_with_logging", "{\"type\":\"object\"}", (ex, req) -> {
                                for (String message : List.of("Tool execution started", "Tool processing data",
                                        "Tool execution completed")) {
                                    ex.loggingNotification(McpSchema.LoggingMessageNotification.builder()
                                            .level(McpSchema.LoggingLevel.INFO).data(message).build());
                                    pause();
                                }
                                return text("Tool with logging executed");
                            }),
                            tool("test_tool_with_progress", "{\"type\":\"object\"}", (ex, req) -> {
                                Object token = req.meta() == null ? null : req.meta().get("progressToken");
                                for (int p : new int[]{0, 50, 100}) {
                                    if (token != null) {
                                        ex.progressNotification(new McpSchema.ProgressNotification(token, p, 100.0, null));
                                    }
                                    pause();
                                }
                                return text("Tool with progress executed");
                            }),
                            tool("test_error_handling", "{\"type\":\"object\"}", (ex, req) ->
                                    McpSchema.CallToolResult.builder().isError(true)
                                            .addTextContent("This tool intentionally returns an error for testing")
                                            .build()),
                            tool("test_sampling", """
                                    {"type":"object","properties":{"prompt":{"type":"string"}},"required":["prompt"]}""",
                                    (ex, req) -> {
                                        McpSchema.CreateMessageResult answer = ex.createMessage(
                                                McpSchema.CreateMessageRequest.builder()
                                                        .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER,
                                                                new McpSchema.TextContent((String) req.arguments().get("prompt")))))
                                                        .maxTokens(100).build());
                                        return text("LLM response: " + ((McpSchema.TextContent) answer.content()).text());
                                    }),
                            tool("test_elicitation", """
                                    {"type":"object","properties":{"message":{"type":"string"}},"required":["message"]}""",
                                    (ex, req) -> {
                                        McpSchema.ElicitResult answer = ex.createElicitation(McpSchema.ElicitRequest
                                                .builder((String) req.arguments().get("message"), Map.of(
                                                        "type", "object",
                                                        "properties", Map.of(
                                                                "username", Map.of("type", "string", "description", "User's response"),
                                                                "email", Map.of("type", "string", "description", "User's email address")),
                                                        "required", List.of("username", "email")))
                                                .build());
                                        return text("User response: action=" + answer.action() + ", content=" + answer.content());
                                    }))
                    .build();
        }

        private static McpServerFeatures.SyncToolSpecification tool(String name, String schema,
                BiFunction<io.modelcontextprotocol.server.McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult> handler) {
            return McpServerFeatures.SyncToolSpecification.builder()
                    .tool(McpSchema.Tool.builder().name(name).description("Conformance fixture " + name)
                            .inputSchema(JSON, schema).build())
                    .callHandler(handler)
                    .build();
        }

        private static McpSchema.CallToolResult text(String text) {
            return McpSchema.CallToolResult.builder().addTextContent(text).build();
        }

        private static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
