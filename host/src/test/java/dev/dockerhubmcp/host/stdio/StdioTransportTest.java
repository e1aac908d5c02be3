package dev.dockerhubmcp.host.stdio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stdio transport with a small SDK server behind it: every line is answered and reading goes on. */
class StdioTransportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(MAPPER);
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{"
        + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    /** The eleven lines that used to silence the server, with the code each must get (null: no answer). */
    static Map<String, Integer> badLines() {
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("", null);
        bad.put("not json", -32700);
        bad.put("{", -32700);
        bad.put("[]", -32600);
        bad.put("[{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"ping\"}]", -32600);
        bad.put("{}", -32600);
        bad.put("{\"id\":1}", -32600);
        bad.put("null", -32600);
        bad.put("123", -32600);
        bad.put("\u0000", -32700);
        bad.put("\"id\":{\"a\":1}", -32700);
        return bad;
    }

    private static List<JsonNode> run(byte[] input, int maxLineBytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdioTransport transport = new StdioTransport(JSON, new ByteArrayInputStream(input), out, maxLineBytes);
        McpSyncServer server = McpServer.sync(transport).serverInfo("stdio-test", "1").jsonMapper(JSON)
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().build())
            .tools(echo()).build();
        try {
            transport.readUntilEof();
            assertTrue(transport.awaitAnswered(Duration.ofSeconds(10)), "every request answered");
        } finally {
            server.closeGracefully();
        }
        List<JsonNode> messages = new ArrayList<>();
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.isEmpty() || text.endsWith("\n"), "whole lines only");
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                messages.add(MAPPER.readTree(line));
            }
        }
        return messages;
    }

    private static McpServerFeatures.SyncToolSpecification echo() {
        return McpServerFeatures.SyncToolSpecification.builder()
            .tool(McpSchema.Tool.builder().name("echo").description("Echoes.")
                .inputSchema(JSON, "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}}").build())
            .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                .addTextContent("echo: " + request.arguments().get("text")).build())
            .build();
    }

    private static JsonNode byId(List<JsonNode> messages, String id) {
        return messages.stream().filter(m -> m.path("id").asText().equals(id)).findFirst()
            .orElseThrow(() -> new AssertionError("no answer with id " + id + " in " + messages));
    }

    @Test
    void everyBadLineIsAnsweredAndTheNextRequestToo() throws Exception {
        StringBuilder in = new StringBuilder(INIT + "\n" + INITIALIZED + "\n");
        int n = 0;
        for (String bad : badLines().keySet()) {
            in.append(bad).append('\n');
            in.append("{\"jsonrpc\":\"2.0\",\"id\":\"after-").append(n++).append("\",\"method\":\"tools/list\"}\n");
        }
        List<JsonNode> out = run(in.toString().getBytes(StandardCharsets.UTF_8), 1 << 20);
        List<Integer> expectedCodes = badLines().values().stream().filter(c -> c != null).toList();
        List<Integer> codes = out.stream().filter(m -> m.has("error")).map(m -> m.path("error").path("code").asInt())
            .toList();
        assertEquals(expectedCodes, codes, out.toString());
        for (int i = 0; i < n; i++) {
            assertEquals("echo", byId(out, "after-" + i).path("result").path("tools").get(0).path("name").asText());
        }
        for (JsonNode m : out) {
            if (m.has("error")) {
                assertTrue(m.has("id"), "errors carry an id member: " + m);
                if (!m.path("id").isNull()) {
                    assertEquals(1, m.path("id").asInt(), "only {\"id\":1} has an id to echo: " + m);
                }
            }
        }
        assertEquals(1 + n + expectedCodes.size(), out.size(), "nothing else on stdout: " + out);
    }

    @Test
    void toolsCallWithoutParamsIsInvalidParamsWithoutJavaNames() throws Exception {
        String in = INIT + "\n" + INITIALIZED + "\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\"}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":"
            + "{\"text\":\"hi\"}}}\n";
        List<JsonNode> out = run(in.getBytes(StandardCharsets.UTF_8), 1 << 20);
        for (String id : List.of("3", "4", "5")) {
            JsonNode answer = byId(out, id);
            assertEquals(-32602, answer.path("error").path("code").asInt(), answer.toString());
            assertFalse(answer.toString().contains("McpSchema") || answer.toString().contains("$"), answer.toString());
        }
        assertTrue(byId(out, "3").path("error").path("message").asText().contains("params are required"));
        assertTrue(byId(out, "4").path("error").path("message").asText().contains("'name'"));
        assertTrue(byId(out, "5").path("error").path("message").asText().contains("'level'"));
        assertEquals("echo: hi", byId(out, "6").path("result").path("content").get(0).path("text").asText());
    }

    @Test
    void oversizedLinesInvalidUtf8AndEarlyRequestsAreAnswered() throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes("{\"jsonrpc\":\"2.0\",\"id\":\"early-ping\",\"method\":\"ping\"}\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes("{\"jsonrpc\":\"2.0\",\"id\":\"early-list\",\"method\":\"tools/list\"}\n"
            .getBytes(StandardCharsets.UTF_8));
        in.writeBytes((INIT + "\n").getBytes(StandardCharsets.UTF_8));
        in.writeBytes(("{\"jsonrpc\":\"2.0\",\"id\":\"big\",\"method\":\"ping\",\"params\":{\"x\":\"" + "y".repeat(5000)
            + "\"}}\n").getBytes(StandardCharsets.UTF_8));
        in.writeBytes(new byte[]{(byte) 0xff, (byte) 0xfe, '\n'});
        // no notifications/initialized: a request after initialize is served all the same
        in.writeBytes("{\"jsonrpc\":\"2.0\",\"id\":\"list\",\"method\":\"tools/list\"}\r\n".getBytes(StandardCharsets.UTF_8));
        // the last line has no line break
        in.writeBytes("{\"jsonrpc\":\"2.0\",\"id\":\"last\",\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
        List<JsonNode> out = run(in.toByteArray(), 4096);
        assertTrue(byId(out, "early-ping").has("result"), out.toString());
        assertEquals(-32600, byId(out, "early-list").path("error").path("code").asInt());
        assertTrue(out.stream().anyMatch(m -> m.path("error").path("message").asText().contains("exceeds 4096 bytes")),
            out.toString());
        assertTrue(out.stream().anyMatch(m -> m.path("error").path("code").asInt() == -32700
            && m.path("error").path("message").asText().contains("UTF-8")), out.toString());
        assertEquals(1, byId(out, "list").path("result").path("tools").size());
        assertTrue(byId(out, "last").has("result"));
    }

    @Test
    void endOfInputWithNothingReadReturnsAtOnce() throws Exception {
        long start = System.nanoTime();
        assertEquals(List.of(), run(new byte[0], 1024));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
    }
}
