package dev.dockerhubmcp.host.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.engine.CallSink;
import dev.dockerhubmcp.engine.ToolInvoker;
import dev.dockerhubmcp.engine.safety.Redactor;
import dev.dockerhubmcp.host.HostRuntime;
import dev.dockerhubmcp.host.tools.ToolSpec;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * Builds the MCP server on any transport from the host's tool catalog: one SDK tool per {@link ToolSpec}, results as
 * the envelope in {@code structuredContent} and as compact JSON text, errors as {@code isError: true}.
 */
public final class McpServerFactory {
    private static final Logger LOG = LoggerFactory.getLogger(McpServerFactory.class);
    public static final String NAME = "dockerhub-mcp";
    static final String INSTRUCTIONS = "Docker Hub, registry and Scout tools. Consolidated tools take an 'action' and "
        + "its parameters; call action='help' for parameters. Destructive actions need "
        + "DOCKERHUB_ALLOW_DESTRUCTIVE=true on the server. Results: {status_code, data, rate_limit}; errors: {error}.";

    /**
     * One JSON mapper for every server of the process (default configuration, thread-safe), so that
     * {@link #prewarm()} fills the very (de)serializer caches the server then uses.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(MAPPER);

    private final HostRuntime runtime;
    private final String version;
    private final ObjectMapper mapper = MAPPER;
    private final McpJsonMapper jsonMapper = JSON;
    private final AtomicInteger inFlight = new AtomicInteger();

    public McpServerFactory(HostRuntime runtime, String version) {
        this.runtime = requireNonNull(runtime, "runtime is null");
        this.version = requireNonNull(version, "version is null");
    }

    public McpJsonMapper jsonMapper() {
        return jsonMapper;
    }

    /**
     * Start-up: does the one-time work of a session's first messages — the JSON (de)serializers of the protocol
     * types, Jackson's parser classes (whose initialisation computes BigDecimal tables), the secure random behind
     * session ids — on a daemon thread, so that it runs on another core while the plugins load instead of after
     * them. Changes nothing a client can see; any failure is ignored (the server then does the same work itself).
     */
    public static void prewarm() {
        Thread t = new Thread(McpServerFactory::warm, "mcp-prewarm");
        t.setDaemon(true);
        t.start();
    }

    private static void warm() {
        try {
            java.util.UUID.randomUUID();
            McpSchema.JSONRPCMessage init = McpSchema.deserializeJsonRpcMessage(JSON, "{\"jsonrpc\":\"2.0\",\"id\":0,"
                + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{"
                + "\"roots\":{\"listChanged\":true},\"elicitation\":{}},\"clientInfo\":{\"name\":\"w\",\"version\":\"0\"}}}");
            JSON.convertValue(((McpSchema.JSONRPCRequest) init).params(),
                new io.modelcontextprotocol.json.TypeRef<McpSchema.InitializeRequest>() {
                });
            McpSchema.deserializeJsonRpcMessage(JSON, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            McpSchema.JSONRPCMessage call = McpSchema.deserializeJsonRpcMessage(JSON, "{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"t\",\"arguments\":{\"a\":1,\"b\":\"c\","
                + "\"d\":[true]},\"_meta\":{\"progressToken\":1}}}");
            McpSchema.CallToolRequest request = JSON.convertValue(((McpSchema.JSONRPCRequest) call).params(),
                new io.modelcontextprotocol.json.TypeRef<McpSchema.CallToolRequest>() {
                });
            MAPPER.convertValue(request.arguments(), ObjectNode.class);
            ObjectNode schema = MAPPER.createObjectNode().put("type", "object");
            schema.putObject("properties").putObject("a").put("type", "integer").put("description", "d");
            McpSchema.Tool tool = McpSchema.Tool.builder().name("t").description("d")
                .inputSchema(MAPPER.convertValue(schema, MAP))
                .annotations(new McpSchema.ToolAnnotations(null, true, false, true, true, null)).build();
            JSON.writeValueAsString(new McpSchema.JSONRPCResponse("2.0", 0, new McpSchema.InitializeResult("2025-06-18",
                McpSchema.ServerCapabilities.builder().tools(false).logging().build(),
                new McpSchema.Implementation(NAME, "0"), INSTRUCTIONS), null));
            JSON.writeValueAsString(new McpSchema.JSONRPCResponse("2.0", 1,
                new McpSchema.ListToolsResult(List.of(tool), null), null));
            ObjectNode envelope = MAPPER.createObjectNode().put("status_code", 200);
            envelope.putObject("data").put("x", "y").putArray("z").add(1.5).add(true);
            JSON.writeValueAsString(new McpSchema.JSONRPCResponse("2.0", 2, McpSchema.CallToolResult.builder()
                .structuredContent(envelope).addTextContent(envelope.toString())
                .isError(false).build(), null));
            JSON.writeValueAsString(new McpSchema.JSONRPCNotification("2.0", McpSchema.METHOD_NOTIFICATION_PROGRESS,
                new McpSchema.ProgressNotification(1, 1.0, 2.0, "m")));
        } catch (Exception | LinkageError e) {
            LOG.debug("prewarm: {}", e.toString());
        }
    }

    /** Tool calls running now (stdio waits for them before exiting). */
    public int inFlight() {
        return inFlight.get();
    }

    /** Applies server info, capabilities and tools to a sync server specification of any transport. */
    public <S extends McpServer.SyncSpecification<S>> S configure(S spec) {
        spec.serverInfo(NAME, version)
            .instructions(INSTRUCTIONS)
            .jsonMapper(jsonMapper)
            .jsonSchemaValidator(new HostValidatedArguments())
            .validateToolInputs(false)
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().build())
            .tools(toolSpecifications());
        return spec;
    }

    List<McpServerFeatures.SyncToolSpecification> toolSpecifications() {
        List<McpServerFeatures.SyncToolSpecification> out = new ArrayList<>();
        for (ToolSpec t : runtime.catalog().tools()) {
            McpSchema.Tool.Builder tool = McpSchema.Tool.builder()
                .name(t.name())
                .description(t.description())
                .inputSchema(mapper.convertValue(t.inputSchema(), MAP))
                .annotations(new McpSchema.ToolAnnotations(null, t.hints().readOnly(), t.hints().destructive(),
                    t.hints().idempotent(), t.hints().openWorld(), null));
            if (t.outputSchema() != null) {
                tool.outputSchema(mapper.convertValue(t.outputSchema(), MAP));
            }
            out.add(McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool.build())
                .callHandler((exchange, request) -> call(t, exchange, request))
                .build());
        }
        return out;
    }

    private McpSchema.CallToolResult call(ToolSpec tool, McpSyncServerExchange exchange,
                                          McpSchema.CallToolRequest request) {
        inFlight.incrementAndGet();
        try {
            Object progressToken = request.meta() == null ? null : request.meta().get("progressToken");
            ToolInvoker.Answer answer = runtime.call(tool, () -> request.arguments() == null
                ? mapper.createObjectNode() : mapper.convertValue(request.arguments(), ObjectNode.class),
                new ExchangeSink(exchange, progressToken));
            return toMcp(answer.envelope(), answer.isError());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * The envelope goes into {@code structuredContent} as the tree it is (Jackson writes a tree exactly as it writes
     * the same map), saving a tree-to-map conversion on every call.
     */
    private McpSchema.CallToolResult toMcp(ObjectNode envelope, boolean isError) {
        return McpSchema.CallToolResult.builder()
            .structuredContent(envelope)
            .addTextContent(envelope.toString())
            .isError(isError)
            .build();
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP_REF =
        new com.fasterxml.jackson.core.type.TypeReference<>() {
        };
    private static final Class<Map<String, Object>> MAP = mapClass();

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapClass() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }

    /** Sends a call's progress and log lines to the client that made it. */
    private static final class ExchangeSink implements CallSink {
        private final McpSyncServerExchange exchange;
        private final Object progressToken;

        ExchangeSink(McpSyncServerExchange exchange, Object progressToken) {
            this.exchange = exchange;
            this.progressToken = progressToken;
        }

        @Override
        public void progress(long done, Long total, String message) {
            if (progressToken == null) {
                return;
            }
            try {
                exchange.progressNotification(new McpSchema.ProgressNotification(progressToken, (double) done,
                    total == null ? null : total.doubleValue(), message == null ? null : Redactor.text(message)));
            } catch (RuntimeException e) {
                LOG.debug("progress notification failed: {}", e.toString());
            }
        }

        @Override
        public void log(String level, String message) {
            String safe = Redactor.text(message);
            McpSchema.LoggingLevel l;
            try {
                l = McpSchema.LoggingLevel.valueOf(level.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                l = McpSchema.LoggingLevel.INFO;
            }
            LOG.info("{}", safe);
            try {
                exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder()
                    .level(l).logger(NAME).data(safe).build());
            } catch (RuntimeException e) {
                LOG.debug("log notification failed: {}", e.toString());
            }
        }
    }

    /**
     * The host validates every call against the chosen action's schema itself (so errors name the action and the
     * field); the SDK's own validation is off, and this accepts what the host already checked.
     */
    private static final class HostValidatedArguments implements JsonSchemaValidator {
        @Override
        public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
            return ValidationResponse.asValid(null);
        }
    }
}
