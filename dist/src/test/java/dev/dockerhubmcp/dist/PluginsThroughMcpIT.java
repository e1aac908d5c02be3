package dev.dockerhubmcp.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.testkit.FakeHub;
import dev.dockerhubmcp.testkit.FakeScout;
import dev.dockerhubmcp.testkit.registry.FakeRegistry;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bundled plugin through MCP: every action is listed in both tool modes, and one call per plugin goes end to
 * end (stdio → host → plugin jar → shared client → fake upstream → envelope).
 */
class PluginsThroughMcpIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private McpSyncClient client(Map<String, String> env, String mode) throws Exception {
        Path plugins = Dist.pluginsDir(tmp.resolve(mode), true);
        ServerParameters params = ServerParameters.builder(Dist.launcher().toString())
            .args("--plugins-dir", plugins.toString(), "--tool-mode", mode).env(Dist.env(tmp, env)).build();
        McpSyncClient c = McpClient.sync(new StdioClientTransport(params, new JacksonMcpJsonMapper(MAPPER)))
            .requestTimeout(Duration.ofSeconds(60)).initializationTimeout(Duration.ofSeconds(60)).build();
        c.initialize();
        return c;
    }

    /** Every action of every bundled plugin, from the CLI's JSON listing. */
    private Map<String, List<String>> actionsByTool() throws Exception {
        Dist.Run run = Dist.run(List.of("tools", "--json"), Dist.env(tmp, Map.of()), null, 120);
        assertEquals(0, run.exit(), run.stderr());
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonNode t : MAPPER.readTree(run.stdout()).path("tools")) {
            List<String> actions = new ArrayList<>();
            t.path("actions").forEach(a -> actions.add(a.path("action").asText()));
            out.put(t.path("name").asText(), actions);
        }
        return out;
    }

    @Test
    void everyActionIsListedInBothModes() throws Exception {
        Map<String, List<String>> expected = actionsByTool();
        assertEquals(Dist.bundledIds().size(), expected.size(), expected.keySet().toString());
        int total = expected.values().stream().mapToInt(List::size).sum();
        assertTrue(total >= 90, "all actions of the nine plugins: " + total);
        try (McpSyncClient c = client(Map.of(), "consolidated")) {
            Map<String, JsonNode> enums = new HashMap<>();
            for (McpSchema.Tool t : c.listTools().tools()) {
                enums.put(t.name(), MAPPER.valueToTree(t.inputSchema()).path("properties").path("action").path("enum"));
            }
            expected.forEach((tool, actions) -> {
                Set<String> listed = new TreeSet<>();
                enums.get(tool).forEach(n -> listed.add(n.asText()));
                assertTrue(listed.containsAll(actions), tool + " lists " + listed + ", expected " + actions);
            });
        }
        try (McpSyncClient c = client(Map.of(), "granular")) {
            Set<String> names = new TreeSet<>();
            c.listTools().tools().forEach(t -> names.add(t.name()));
            expected.forEach((tool, actions) -> actions.forEach(a ->
                assertTrue(names.contains(tool + "_" + a), tool + "_" + a + " missing in granular mode")));
        }
    }

    @Test
    void oneCallPerPluginEndToEnd() throws Exception {
        try (FakeHub hub = FakeHub.start().user("alice", "dckr_pat_e2e").scimToken("scim-e2e");
             FakeScout scout = FakeScout.start();
             FakeRegistry registry = FakeRegistry.start()) {
            hub.on("GET", "/v2/access-tokens").respond(200, "{\"count\":1,\"next\":null,\"previous\":null,\"active_count\":1,"
                + "\"results\":[{\"uuid\":\"b30bbf97-506c-4ecd-aabc-842f3cb484fb\",\"token_label\":\"ci\","
                + "\"scopes\":[\"repo:read\"],\"is_active\":true,\"created_at\":\"2025-01-01T00:00:00Z\"}]}");
            hub.on("GET", "/v2/namespaces/library/repositories").respond(200, "{\"count\":1,\"next\":null,"
                + "\"previous\":null,\"results\":[{\"name\":\"nginx\",\"namespace\":\"library\",\"pull_count\":1}]}");
            hub.on("GET", "/v2/orgs/acme/settings").respond(200, "{\"restricted_images\":{\"enabled\":false,"
                + "\"allow_official_images\":true,\"allow_verified_publishers\":true}}");
            hub.on("GET", "/v2/orgs/acme/groups").respond(200, "{\"count\":0,\"next\":null,\"previous\":null,"
                + "\"results\":[]}");
            hub.on("GET", "/v2/auditlogs/acme/actions").respond(200, "{\"actions\":{}}");
            hub.on("GET", "/v2/scim/2.0/ServiceProviderConfig").respond(200,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig\"],"
                    + "\"patch\":{\"supported\":false},\"filter\":{\"supported\":true,\"maxResults\":200}}");
            scout.onField("dhiListMirroredRepositories", "{\"data\":{\"dhiListMirroredRepositories\":{\"totalCount\":1,"
                + "\"canMirrorMoreRepositories\":true,\"mirroredRepositories\":[{\"id\":\"m1\",\"destinationRepository\":"
                + "{\"hostname\":\"docker.io\",\"namespace\":\"acme\",\"name\":\"dhi-node\"},\"dhiSourceRepository\":"
                + "{\"hostname\":\"docker.io\",\"namespace\":\"dhi\",\"name\":\"node\",\"displayName\":\"Node.js\"}}]}}}");
            registry.addTags("acme/app", List.of("1.0", "1.1"));
            Map<String, String> env = Map.of("DOCKERHUB_URL", hub.url(), "DOCKER_SCOUT_URL", scout.url(),
                "DOCKER_REGISTRY_URL", registry.url(), "DOCKER_HUB_USER", "alice", "DOCKER_HUB_TOKEN", "dckr_pat_e2e",
                "DOCKERHUB_SCIM_TOKEN", "scim-e2e");
            Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
            calls.put("hub_auth", Map.of("action", "list_pats"));
            calls.put("hub_repos", Map.of("action", "list", "namespace", "library"));
            calls.put("hub_org", Map.of("action", "get_settings", "org", "acme"));
            calls.put("hub_teams", Map.of("action", "list", "org", "acme"));
            calls.put("hub_audit", Map.of("action", "actions", "account", "acme"));
            calls.put("hub_scim", Map.of("action", "service_provider_config"));
            calls.put("hub_admin", Map.of("action", "whoami"));
            calls.put("hub_registry", Map.of("action", "list_tags", "repository", "acme/app"));
            calls.put("hub_scout", Map.of("action", "hardened_images", "organization", "acme"));
            try (McpSyncClient c = client(env, "consolidated")) {
                for (Map.Entry<String, Map<String, Object>> call : calls.entrySet()) {
                    McpSchema.CallToolResult r = c.callTool(new McpSchema.CallToolRequest(call.getKey(), call.getValue()));
                    JsonNode s = MAPPER.valueToTree(r.structuredContent());
                    assertFalse(Boolean.TRUE.equals(r.isError()), call.getKey() + " failed: " + s);
                    assertTrue(s.has("data") && !s.path("data").isNull(), call.getKey() + ": " + s);
                    assertFalse(s.toString().contains("dckr_pat_e2e") || s.toString().contains("scim-e2e"),
                        "secret in " + call.getKey() + " result");
                }
            }
            assertEquals(1, hub.mintCount(), "one JWT shared by every Hub plugin");
            assertTrue(hub.requests().stream().anyMatch(r -> r.path().equals("/v2/scim/2.0/ServiceProviderConfig")
                && r.bearer().orElse("").equals("scim-e2e")), "SCIM used its own token");
            assertFalse(scout.queries().isEmpty());
            assertTrue(registry.requests().stream().anyMatch(r -> r.contains("/v2/acme/app/tags/list")),
                registry.requests().toString());
        }
    }

    /**
     * Consolidated mode: the audit log's action filter (event_action) is in the tool's schema and reaches the Hub as
     * its {@code action} query parameter; numbers are neither taken from strings nor clamped, flat or in params_json.
     */
    @Test
    void auditActionFilterAndStrictNumbersInConsolidatedMode() throws Exception {
        try (FakeHub hub = FakeHub.start().user("alice", "dckr_pat_e2e")) {
            hub.on("GET", "/v2/auditlogs/acme").respond(200, "{\"logs\":[{\"action\":\"repo.tag.push\","
                + "\"name\":\"acme/web\",\"actor\":\"jon\",\"timestamp\":\"2024-05-01T01:34:35Z\"}]}");
            hub.on("GET", "/v2/namespaces/library/repositories").respond(200, "{\"count\":0,\"next\":null,"
                + "\"previous\":null,\"results\":[]}");
            Map<String, String> env = Map.of("DOCKERHUB_URL", hub.url(), "DOCKER_HUB_USER", "alice",
                "DOCKER_HUB_TOKEN", "dckr_pat_e2e");
            try (McpSyncClient c = client(env, "consolidated")) {
                McpSchema.Tool audit = c.listTools().tools().stream().filter(t -> t.name().equals("hub_audit"))
                    .findFirst().orElseThrow();
                JsonNode props = MAPPER.valueToTree(audit.inputSchema()).path("properties");
                assertEquals("string", props.path("event_action").path("type").asText(), props.toString());
                McpSchema.CallToolResult r = c.callTool(new McpSchema.CallToolRequest("hub_audit", Map.of("action",
                    "logs", "account", "acme", "event_action", "repo.tag.push", "to", "2024-05-01")));
                JsonNode s = MAPPER.valueToTree(r.structuredContent());
                assertFalse(Boolean.TRUE.equals(r.isError()), s.toString());
                assertEquals("repo.tag.push", s.path("data").path("items").get(0).path("action").asText());
                assertEquals("repo.tag.push", hub.lastRequest().queryParam("action").orElseThrow());
                assertEquals("2024-05-01T23:59:59.999999999Z", hub.lastRequest().queryParam("to").orElseThrow());

                int before = hub.requests().size();
                List<Map<String, Object>> bad = List.of(
                    Map.of("action", "list", "namespace", "library", "page_size", "5"),
                    Map.of("action", "list", "namespace", "library", "page", 1e308),
                    Map.of("action", "list", "params_json", "{\"namespace\":\"library\",\"page\":1e308}"),
                    Map.of("action", "list", "params", Map.of("namespace", "library", "page", "2")));
                for (Map<String, Object> args : bad) {
                    McpSchema.CallToolResult refused = c.callTool(new McpSchema.CallToolRequest("hub_repos", args));
                    JsonNode e = MAPPER.valueToTree(refused.structuredContent()).path("error");
                    assertTrue(Boolean.TRUE.equals(refused.isError()), args + " -> " + e);
                    assertEquals("validation", e.path("type").asText(), e.toString());
                    assertTrue(e.path("message").asText().contains("'page"), e.toString());
                }
                assertEquals(before, hub.requests().size(), "nothing sent for refused numbers");
            }
        }
    }
}
