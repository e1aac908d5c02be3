package dev.dockerhubmcp.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.testkit.conformance.ConformanceRunner;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distribution over Streamable HTTP: the launcher started with {@code --transport streamable-http --port 0}, real
 * plugin jars, the MCP SDK's own client, the HTTP security rules, and the official MCP conformance suite.
 */
class HttpEndToEndIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ENDPOINT = Pattern.compile("serving MCP at (http://127\\.0\\.0\\.1:(\\d+)/mcp)");

    @TempDir
    Path tmp;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** Starts the server and returns its /mcp URL once it says it is serving. */
    private URI start(Map<String, String> env, String... extraArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Dist.launcher().toString(), "--transport", "streamable-http",
            "--port", "0", "--plugins-dir", Dist.pluginsDir(tmp, true).toString()));
        cmd.addAll(List.of(extraArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(Dist.env(tmp, env));
        Process p = pb.start();
        processes.add(p);
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StringBuilder seen = new StringBuilder();
        String line;
        while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = ENDPOINT.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> drain(p.getErrorStream()));
                return URI.create(m.group(1));
            }
        }
        throw new AssertionError("server did not start: " + seen);
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (Exception ignored) {
            // process ended
        }
    }

    private static McpSyncClient client(URI mcp, String token) {
        HttpRequest.Builder rb = HttpRequest.newBuilder();
        if (token != null) {
            rb.header("Authorization", "Bearer " + token);
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
            .builder("http://" + mcp.getAuthority()).endpoint("/mcp").jsonMapper(new JacksonMcpJsonMapper(MAPPER))
            .requestBuilder(rb).build();
        McpSyncClient c = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        c.initialize();
        return c;
    }

    private static JsonNode structured(McpSchema.CallToolResult r) {
        return MAPPER.valueToTree(r.structuredContent());
    }

    @Test
    void servesToolsOverStreamableHttpWithTheSdkClient() throws Exception {
        URI mcp = start(Map.of());
        try (McpSyncClient c = client(mcp, null)) {
            List<String> names = c.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            for (String id : Dist.bundledIds()) {
                assertTrue(names.contains("hub_" + id), id + " missing from " + names);
            }
            JsonNode echo = structured(c.callTool(new McpSchema.CallToolRequest("hub_fixture",
                Map.of("action", "echo", "message", "over http"))));
            assertEquals("over http", echo.path("data").path("message").asText());
            JsonNode plugins = structured(c.callTool(new McpSchema.CallToolRequest("hub_admin",
                Map.of("action", "plugins"))));
            assertTrue(plugins.toString().contains("fixture"), plugins.toString());
            McpSchema.CallToolResult refused = c.callTool(new McpSchema.CallToolRequest("hub_fixture",
                Map.of("action", "destroy", "target", "x")));
            assertTrue(refused.isError());
            assertEquals("destructive_refused", structured(refused).path("error").path("type").asText());
            McpSchema.CallToolResult invalid = c.callTool(new McpSchema.CallToolRequest("hub_repos",
                Map.of("action", "list", "namespace", "NOT VALID")));
            assertTrue(invalid.isError());
            assertTrue(structured(invalid).path("error").path("message").asText().contains("'namespace'"));
        }
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://" + mcp.getAuthority() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals("ok", MAPPER.readTree(health.body()).path("status").asText());
    }

    @Test
    void rejectsForeignHostsAndOriginsAndRequiresTheBearerToken() throws Exception {
        URI mcp = start(Map.of("MCP_AUTH_TOKEN", "s3cret-token-for-tests"));
        int port = mcp.getPort();
        String evilHost = raw(port, "GET /health HTTP/1.1\r\nHost: evil.example.com\r\nConnection: close\r\n\r\n");
        assertTrue(evilHost.startsWith("HTTP/1.1 4"), evilHost);
        HttpClient http = HttpClient.newHttpClient();
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        HttpRequest.Builder post = HttpRequest.newBuilder(mcp).header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(init));
        assertEquals(401, http.send(post.copy().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(403, http.send(post.copy().header("Authorization", "Bearer s3cret-token-for-tests")
            .header("Origin", "http://evil.example.com").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        try (McpSyncClient c = client(mcp, "s3cret-token-for-tests")) {
            assertFalse(c.listTools().tools().isEmpty());
        }
    }

    @Test
    void refusesToBindBeyondLoopbackWithoutAToken() throws Exception {
        Dist.Run run = Dist.run(List.of("--transport", "streamable-http", "--host", "0.0.0.0", "--port", "0",
            "--plugins-dir", Dist.pluginsDir(tmp, false).toString()), Dist.env(tmp, Map.of()), null, 60);
        assertEquals(2, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("MCP_AUTH_TOKEN"), run.stderr());
    }

    @Test
    void passesTheOfficialConformanceScenarios() throws Exception {
        URI mcp = start(Map.of());
        ConformanceRunner runner = ConformanceRunner.fromEnvironment();
        List<String> failed = new ArrayList<>();
        for (String scenario : List.of("server-initialize", "ping", "tools-list", "logging-set-level",
            "server-sse-multiple-streams", "dns-rebinding-protection")) {
            ConformanceRunner.Result r = runner.runServerScenario(scenario, mcp);
            if (!r.passed()) {
                failed.add(r.toString());
            }
        }
        assertEquals(List.of(), failed);
    }

    private static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            // the status line is enough (the server may keep the connection open)
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
