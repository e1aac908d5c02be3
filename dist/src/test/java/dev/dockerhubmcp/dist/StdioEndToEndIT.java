package dev.dockerhubmcp.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distribution over stdio, driven by the MCP Java SDK's own client, loading real plugin jars from a plugins
 * folder (not from the test class path).
 */
class StdioEndToEndIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private McpSyncClient client(Path plugins, Map<String, String> extraEnv, List<String> args,
                                 Consumer<McpClient.SyncSpec> customize, List<String> stderr) {
        List<String> all = new ArrayList<>(List.of("--plugins-dir", plugins.toString()));
        all.addAll(args);
        ServerParameters params = ServerParameters.builder(Dist.launcher().toString()).args(all)
            .env(Dist.env(tmp, extraEnv)).build();
        StdioClientTransport transport = new StdioClientTransport(params, new JacksonMcpJsonMapper(MAPPER));
        transport.setStdErrorHandler(stderr::add);
        McpClient.SyncSpec spec = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
            .initializationTimeout(Duration.ofSeconds(30));
        customize.accept(spec);
        McpSyncClient c = spec.build();
        c.initialize();
        return c;
    }

    private McpSyncClient client(Path plugins, Map<String, String> env, String... args) {
        return client(plugins, env, List.of(args), s -> { }, new CopyOnWriteArrayList<>());
    }

    private static JsonNode structured(McpSchema.CallToolResult r) {
        return MAPPER.valueToTree(r.structuredContent());
    }

    private static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
        return c.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    @Test
    void consolidatedListingServesEveryPluginAndAnswersCalls() throws Exception {
        Path plugins = Dist.pluginsDir(tmp, true);
        try (McpSyncClient c = client(plugins, Map.of())) {
            assertEquals("dockerhub-mcp", c.getServerInfo().name());
            List<McpSchema.Tool> tools = c.listTools().tools();
            List<String> names = tools.stream().map(McpSchema.Tool::name).toList();
            for (String id : Dist.bundledIds()) {
                assertTrue(names.contains("hub_" + id), "bundled plugin " + id + " serves no tool: " + names);
            }
            assertTrue(names.contains("hub_fixture") && names.contains("hub_hello"), names.toString());
            McpSchema.Tool fixture = tools.stream().filter(t -> t.name().equals("hub_fixture")).findFirst().orElseThrow();
            JsonNode schema = MAPPER.valueToTree(fixture.inputSchema());
            assertTrue(schema.path("properties").path("action").path("enum").toString().contains("\"destroy\""));
            assertEquals(Boolean.TRUE, fixture.annotations().destructiveHint());
            assertEquals(Boolean.FALSE, fixture.annotations().readOnlyHint());
            assertEquals(Boolean.TRUE, fixture.annotations().openWorldHint());

            McpSchema.CallToolResult ok = call(c, "hub_fixture", Map.of("action", "echo", "message", "hi", "repeat", 2));
            assertFalse(Boolean.TRUE.equals(ok.isError()));
            assertEquals("hihi", structured(ok).path("data").path("message").asText());
            assertEquals(200, structured(ok).path("status_code").asInt());
            assertTrue(structured(ok).has("rate_limit"));
            String text = ((McpSchema.TextContent) ok.content().get(0)).text();
            assertEquals(structured(ok), MAPPER.readTree(text), "text content is the same JSON, compact");

            McpSchema.CallToolResult viaParams = call(c, "hub_fixture", Map.of("action", "echo",
                "params_json", "{\"message\":\"pj\"}"));
            assertEquals("pj", structured(viaParams).path("data").path("message").asText());
            McpSchema.CallToolResult viaObject = call(c, "hub_fixture", Map.of("action", "echo",
                "params", Map.of("message", "po")));
            assertEquals("po", structured(viaObject).path("data").path("message").asText());

            McpSchema.CallToolResult help = call(c, "hub_fixture", Map.of("action", "help"));
            assertTrue(structured(help).path("data").path("actions").has("destroy"));
            assertEquals("destructive", structured(help).path("data").path("actions").path("destroy").path("effect")
                .asText());

            McpSchema.CallToolResult hello = call(c, "hub_hello", Map.of("action", "greet", "name", "Ada"));
            assertEquals("Hello, Ada!", structured(hello).path("data").path("greeting").asText());
        }
    }

    @Test
    void validationErrorsNameTheActionAndFieldAndNeverHang() throws Exception {
        Path plugins = Dist.pluginsDir(tmp, false);
        try (McpSyncClient c = client(plugins, Map.of())) {
            JsonNode missing = structured(call(c, "hub_fixture", Map.of("action", "echo")));
            assertEquals("validation", missing.path("error").path("type").asText());
            assertTrue(missing.path("error").path("message").asText().contains("hub_fixture echo"), missing.toString());
            assertTrue(missing.path("error").path("message").asText().contains("'message' is required"));

            McpSchema.CallToolResult wrongType = call(c, "hub_fixture", Map.of("action", "echo", "message", "x",
                "repeat", "many"));
            assertTrue(wrongType.isError());
            assertTrue(structured(wrongType).path("error").path("message").asText().contains("'repeat'"));

            JsonNode unknown = structured(call(c, "hub_fixture", Map.of("action", "nope")));
            assertTrue(unknown.path("error").path("message").asText().contains("unknown action 'nope'"));

            JsonNode noAction = structured(call(c, "hub_fixture", Map.of()));
            assertTrue(noAction.path("error").path("message").asText().contains("'action' is required"));

            JsonNode badJson = structured(call(c, "hub_fixture", Map.of("action", "echo", "params_json", "{oops")));
            assertTrue(badJson.path("error").path("message").asText().contains("'params_json' is not valid JSON"));

            McpSchema.CallToolResult boom = call(c, "hub_fixture", Map.of("action", "fail"));
            assertTrue(boom.isError());
            String msg = structured(boom).path("error").path("message").asText();
            assertEquals("internal", structured(boom).path("error").path("type").asText());
            assertFalse(msg.contains("dckr_pat_"), "secret in error: " + msg);
            assertFalse(msg.contains("\tat "), "stack trace in error: " + msg);
        }
    }

    @Test
    void destructiveActionsAreRefusedUnlessAllowed() throws Exception {
        Path plugins = Dist.pluginsDir(tmp, false);
        try (McpSyncClient c = client(plugins, Map.of())) {
            JsonNode refused = structured(call(c, "hub_fixture", Map.of("action", "destroy", "target", "x")));
            assertEquals("destructive_refused", refused.path("error").path("type").asText());
            assertTrue(refused.path("error").path("message").asText().contains("DOCKERHUB_ALLOW_DESTRUCTIVE"));
            JsonNode argDependent = structured(call(c, "hub_fixture", Map.of("action", "set_active", "active", false)));
            assertEquals("destructive_refused", argDependent.path("error").path("type").asText());
            JsonNode harmless = structured(call(c, "hub_fixture", Map.of("action", "set_active", "active", true)));
            assertTrue(harmless.path("data").path("active").asBoolean());
        }
        try (McpSyncClient c = client(plugins, Map.of("DOCKERHUB_ALLOW_DESTRUCTIVE", "true"))) {
            JsonNode allowed = structured(call(c, "hub_fixture", Map.of("action", "destroy", "target", "x")));
            assertEquals("x", allowed.path("data").path("deleted").asText());
        }
    }

    @Test
    void readOnlyModeHidesWritesInBothModes() throws Exception {
        Path plugins = Dist.pluginsDir(tmp, false);
        try (McpSyncClient c = client(plugins, Map.of("DOCKERHUB_READ_ONLY", "true"), "--tool-mode", "granular")) {
            List<String> names = c.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertTrue(names.contains("hub_fixture_echo"), names.toString());
            assertFalse(names.contains("hub_fixture_write_note"), names.toString());
            assertFalse(names.contains("hub_fixture_destroy"), names.toString());
            assertFalse(names.contains("hub_fixture_set_active"), names.toString());
        }
        try (McpSyncClient c = client(plugins, Map.of(), "--read-only", "--allow-destructive")) {
            McpSchema.Tool fixture = c.listTools().tools().stream().filter(t -> t.name().equals("hub_fixture"))
                .findFirst().orElseThrow();
            String actions = MAPPER.valueToTree(fixture.inputSchema()).path("properties").path("action").path("enum")
                .toString();
            assertFalse(actions.contains("write_note") || actions.contains("destroy"), actions);
            assertEquals(Boolean.TRUE, fixture.annotations().readOnlyHint());
            JsonNode refused = structured(call(c, "hub_fixture", Map.of("action", "destroy", "target", "x")));
            assertEquals("read_only", refused.path("error").path("type").asText());
        }
    }

    @Test
    void granularModeHasOneToolPerActionWithEffectAnnotations() throws Exception {
        Path plugins = Dist.pluginsDir(tmp, false);
        try (McpSyncClient c = client(plugins, Map.of("DOCKERHUB_TOOL_MODE", "granular"))) {
            Map<String, McpSchema.Tool> byName = new java.util.HashMap<>();
            c.listTools().tools().forEach(t -> byName.put(t.name(), t));
            McpSchema.Tool echo = byName.get("hub_fixture_echo");
            assertNotNull(echo, byName.keySet().toString());
            assertEquals(Boolean.TRUE, echo.annotations().readOnlyHint());
            assertEquals(Boolean.FALSE, echo.annotations().destructiveHint());
            assertNotNull(echo.outputSchema(), "echo declares an output schema");
            assertEquals(Boolean.TRUE, byName.get("hub_fixture_destroy").annotations().destructiveHint());
            assertEquals(Boolean.TRUE, byName.get("hub_fixture_set_active").annotations().destructiveHint());
            assertEquals(Boolean.FALSE, byName.get("hub_fixture_write_note").annotations().readOnlyHint());
            JsonNode r = structured(call(c, "hub_fixture_echo", Map.of("message", "g")));
            assertEquals("g", r.path("data").path("message").asText());
            JsonNode bad = structured(call(c, "hub_fixture_echo", Map.of("message", "g", "extra", 1)));
            assertTrue(bad.path("error").path("message").asText().contains("unknown field 'extra'"), bad.toString());
        }
    }

    @Test
    void togglesCorruptJarsWrongApiAndDuplicateToolsCostOnlyThatPlugin() throws Exception {
        Path plugins = Dist.pluginsDir(tmp, false);
        Files.writeString(plugins.resolve("broken.jar"), "this is not a jar");
        Dist.rewriteManifest(Dist.testPlugin("hello-plugin"), plugins.resolve("old-api.jar"),
            Map.of("Plugin-Id", "oldapi", "Plugin-Requires", ">=9.0.0"));
        Dist.rewriteManifest(Dist.testPlugin("fixture-plugin"), plugins.resolve("zz-fixture-copy.jar"),
            Map.of("Plugin-Id", "fixturecopy"));
        List<String> stderr = new CopyOnWriteArrayList<>();
        try (McpSyncClient c = client(plugins, Map.of("HELLOTOOL", "false"), List.of(), s -> { }, stderr)) {
            List<String> names = c.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertEquals(List.of("hub_fixture"), names, "hello toggled off, the others refused");
            JsonNode ok = structured(call(c, "hub_fixture", Map.of("action", "echo", "message", "still")));
            assertEquals("still", ok.path("data").path("message").asText());
        }
        String err = String.join("\n", stderr);
        assertTrue(err.contains("broken.jar") && err.contains("corrupt"), err);
        assertTrue(err.contains("old-api.jar") && err.contains(">=9.0.0"), err);
        assertTrue(err.contains("zz-fixture-copy.jar") && err.contains("hub_fixture") && err.contains("fixture-plugin.jar"),
            err);
        Files.delete(plugins.resolve("zz-fixture-copy.jar")); // else it would serve hub_fixture once fixture is off
        Files.writeString(plugins.resolve("disabled.txt"), "# off for this test\nfixture\n");
        try (McpSyncClient c = client(plugins, Map.of())) {
            List<String> names = c.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertFalse(names.contains("hub_fixture"), names.toString());
            assertTrue(names.contains("hub_hello"), names.toString());
        }
    }

    @Test
    void progressLogsAndRedactionReachTheClient() throws Exception {
        Path plugins = Dist.pluginsDir(tmp, false);
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
        try (McpSyncClient c = client(plugins, Map.of(), List.of(),
            s -> s.progressConsumer(progress::add).loggingConsumer(logs::add), new CopyOnWriteArrayList<>())) {
            McpSchema.CallToolResult r = c.callTool(McpSchema.CallToolRequest.builder("hub_fixture")
                .arguments(Map.of("action", "slow", "millis", 200)).progressToken("tok-1").build());
            assertEquals(200, structured(r).path("data").path("slept_ms").asInt());
            long deadline = System.currentTimeMillis() + 5000;
            while ((progress.size() < 4 || logs.isEmpty()) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(4, progress.size(), progress.toString());
            assertEquals("tok-1", progress.get(0).progressToken());
            assertTrue(logs.stream().anyMatch(l -> String.valueOf(l.data()).contains("slow finished")), logs.toString());

            String leak = ((McpSchema.TextContent) call(c, "hub_fixture", Map.of("action", "leak")).content().get(0))
                .text();
            assertFalse(leak.contains("dckr_pat_") || leak.contains("eyJhbGci"), leak);
            assertTrue(leak.contains("visible"));
            JsonNode reveal = structured(call(c, "hub_fixture", Map.of("action", "reveal")));
            assertEquals("dckr_pat_shownonce123456", reveal.path("data").path("token").asText());
            assertEquals("[REDACTED]", reveal.path("data").path("other").asText());
        }
    }

    @Test
    void stdoutCarriesOnlyProtocolAndTheServerExitsAtEofAfterAnswering() throws Exception {
        Path plugins = Dist.pluginsDir(tmp, false);
        String input = String.join("\n",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"hub_fixture\","
                + "\"arguments\":{\"action\":\"slow\",\"millis\":800}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"hub_fixture\","
                + "\"arguments\":{\"action\":\"fail\"}}}") + "\n";
        Dist.Run run = Dist.run(List.of("--plugins-dir", plugins.toString()),
            Dist.env(tmp, Map.of("DOCKERHUB_LOG_LEVEL", "debug")), input, 60);
        assertEquals(0, run.exit(), run.stderr());
        List<Integer> ids = new ArrayList<>();
        for (String line : run.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode msg = MAPPER.readTree(line);
            assertEquals("2.0", msg.path("jsonrpc").asText(), "not JSON-RPC on stdout: " + line);
            if (msg.has("id")) {
                ids.add(msg.get("id").asInt());
            }
        }
        assertEquals(List.of(1, 2, 3, 4), ids.stream().sorted().toList(), "every request answered before exit");
        assertTrue(run.stderr().contains("hub_fixture fail failed"), "logs go to stderr");
        assertFalse(run.stderr().contains("dckr_pat_secret"), "secrets never logged: " + run.stderr());
    }

    /**
     * Each line that used to silence the server for good, followed by a request that must be answered; then stdin
     * closes and the process must exit within a few seconds.
     */
    @Test
    void everyBadLineIsAnsweredReadingGoesOnAndEofExits() throws Exception {
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("", null); // a blank line carries no message: skipped, not answered
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
        Path plugins = Dist.pluginsDir(tmp, false);
        List<String> cmd = new ArrayList<>(List.of(Dist.launcher().toString(), "--plugins-dir", plugins.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(Dist.env(tmp, Map.of()));
        Process p = pb.start();
        // a server that stops answering ends the test instead of hanging it (reads then see end of stream)
        Thread.ofVirtual().start(() -> {
            try {
                if (!p.waitFor(180, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException ignored) {
                p.destroyForcibly();
            }
        });
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            OutputStream in = p.getOutputStream();
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\","
                + "\"version\":\"1\"}}}");
            assertEquals("init", MAPPER.readTree(out.readLine()).path("id").asText());
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            int n = 0;
            for (Map.Entry<String, Integer> line : bad.entrySet()) {
                String id = "after-" + n++;
                send(in, line.getKey());
                send(in, "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"tools/list\"}");
                if (line.getValue() != null) {
                    JsonNode error = MAPPER.readTree(out.readLine());
                    assertEquals(line.getValue().intValue(), error.path("error").path("code").asInt(),
                        line.getKey() + " -> " + error);
                    assertTrue(error.has("id"), error.toString());
                }
                JsonNode answer = MAPPER.readTree(out.readLine());
                assertEquals(id, answer.path("id").asText(), "after " + line.getKey() + ": " + answer);
                assertTrue(answer.path("result").path("tools").size() > 0, answer.toString());
            }
            // tools/call without params: -32602 naming what is missing, no Java class names
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":\"call\",\"method\":\"tools/call\"}");
            JsonNode call = MAPPER.readTree(out.readLine());
            assertEquals("call", call.path("id").asText(), call.toString());
            assertEquals(-32602, call.path("error").path("code").asInt(), call.toString());
            assertTrue(call.path("error").path("message").asText().contains("params are required"), call.toString());
            assertFalse(call.toString().contains("McpSchema") || call.toString().contains("$"), call.toString());
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":\"last\",\"method\":\"ping\"}");
            assertEquals("last", MAPPER.readTree(out.readLine()).path("id").asText());
            in.close();
            long closed = System.nanoTime();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the server exits within a few seconds of EOF");
            assertEquals(0, p.exitValue());
            assertTrue(Duration.ofNanos(System.nanoTime() - closed).toSeconds() < 10);
            assertEquals(null, out.readLine(), "nothing more on stdout");
        } finally {
            p.destroyForcibly();
        }
    }

    private static void send(OutputStream in, String line) throws java.io.IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
