package dev.dockerhubmcp.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.testkit.FakeHub;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/server.yaml's exact command line (docker/hub-mcp's interface: {@code --transport=stdio
 * --username=NAME} with the token in {@code HUB_PAT_TOKEN}) through the launcher, against a fake Hub: the JWT is
 * minted with that username and token.
 */
class CatalogEntryIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    @Test
    void catalogCommandLineMintsWithTheUsernameFlagAndHubPatToken() throws Exception {
        Map<String, Object> entry = new Yaml().load(Files.readString(Path.of("..", "deploy", "server.yaml")));
        Map<String, Object> run = (Map<String, Object>) entry.get("run");
        Map<String, Object> config = (Map<String, Object>) entry.get("config");
        // filled in as the MCP gateway fills it: parameters into {{…}}, each secret into its variable
        Map<String, String> params = Map.of("username", "catalog-user", "read_only", "true",
            "allow_destructive", "false");
        List<String> args = ((List<String>) run.get("command")).stream().map(a -> fill(a, params)).toList();
        Map<String, String> env = new HashMap<>();
        for (Map<String, Object> secret : (List<Map<String, Object>>) config.get("secrets")) {
            env.put((String) secret.get("env"), "dckr_pat_catalog_secret");
        }
        for (Map<String, Object> e : (List<Map<String, Object>>) config.get("env")) {
            env.put((String) e.get("name"), fill((String) e.get("value"), params));
        }
        assertEquals(Map.of("HUB_PAT_TOKEN", "dckr_pat_catalog_secret", "DOCKERHUB_READ_ONLY", "true",
            "DOCKERHUB_ALLOW_DESTRUCTIVE", "false"), env);
        assertEquals(List.of("--transport=stdio", "--username=catalog-user"), args);

        try (FakeHub hub = FakeHub.start().user("catalog-user", "dckr_pat_catalog_secret")) {
            hub.on("GET", "/v2/namespaces/catalog-user/repositories").respond(200, "{\"count\":1,\"next\":null,"
                + "\"previous\":null,\"results\":[{\"name\":\"private-app\",\"namespace\":\"catalog-user\"}]}");
            env.put("DOCKERHUB_URL", hub.url());
            List<String> stderr = new CopyOnWriteArrayList<>();
            ServerParameters server = ServerParameters.builder(Dist.launcher().toString()).args(args)
                .env(Dist.env(tmp, env)).build();
            StdioClientTransport transport = new StdioClientTransport(server, new JacksonMcpJsonMapper(MAPPER));
            transport.setStdErrorHandler(stderr::add);
            try (McpSyncClient c = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(30)).build()) {
                c.initialize();
                McpSchema.CallToolResult r = c.callTool(new McpSchema.CallToolRequest("hub_repos",
                    Map.of("action", "list", "namespace", "catalog-user")));
                JsonNode result = MAPPER.valueToTree(r.structuredContent());
                assertFalse(Boolean.TRUE.equals(r.isError()), result + " " + stderr);
                assertTrue(result.toString().contains("private-app"), result.toString());
                // read_only=true from the catalog parameter: no writing action is listed
                String tools = MAPPER.writeValueAsString(c.listTools().tools());
                assertFalse(tools.contains("\"create\""), "read-only hides hub_repos create");
            }
            assertEquals(1, hub.mintCount());
            JsonNode mint = hub.requests("POST", "/v2/auth/token").get(0).json();
            assertEquals("catalog-user", mint.path("identifier").asText());
            assertEquals("dckr_pat_catalog_secret", mint.path("secret").asText());
            assertTrue(hub.requests("GET", "/v2/namespaces/catalog-user/repositories").get(0).bearer().isPresent());
            assertFalse(String.join("\n", stderr).contains("dckr_pat_catalog_secret"), "the token is never logged");
        }
    }

    private static String fill(String template, Map<String, String> params) {
        String out = template;
        for (Map.Entry<String, String> p : params.entrySet()) {
            out = out.replace("{{dockerhub-mcp." + p.getKey() + "}}", p.getValue());
        }
        assertFalse(out.contains("{{"), "an unfilled parameter in " + template);
        return out;
    }
}
