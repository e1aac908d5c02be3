package dev.dockerhubmcp.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.testkit.FakeHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher as a CLI: help, version, the tool listing, and one action run without an MCP client. */
class CliIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void helpVersionAndToolListing() throws Exception {
        Dist.Run help = Dist.run(List.of("--help"), Dist.env(tmp, Map.of()), null, 60);
        assertEquals(0, help.exit());
        assertTrue(help.stdout().contains("dockerhub-mcp tools") && help.stdout().contains("DOCKERHUB_ALLOW_DESTRUCTIVE"));
        Dist.Run version = Dist.run(List.of("--version"), Dist.env(tmp, Map.of()), null, 60);
        assertTrue(version.stdout().startsWith("dockerhub-mcp "), version.stdout());
        Dist.Run table = Dist.run(List.of("tools"), Dist.env(tmp, Map.of()), null, 60);
        assertEquals(0, table.exit(), table.stderr());
        assertTrue(table.stdout().contains("hub_repos") && table.stdout().contains("delete_tag")
            && table.stdout().contains("destructive"), table.stdout());
        Dist.Run json = Dist.run(List.of("tools", "--json"), Dist.env(tmp, Map.of()), null, 60);
        JsonNode tools = MAPPER.readTree(json.stdout()).path("tools");
        assertTrue(tools.size() >= 9, json.stdout());
        Dist.Run unknown = Dist.run(List.of("frobnicate"), Dist.env(tmp, Map.of()), null, 60);
        assertEquals(2, unknown.exit());
        assertTrue(unknown.stderr().contains("unknown command"), unknown.stderr());
    }

    @Test
    void startUpCacheIsTrainedAndUsedWithoutTouchingStdout() throws Exception {
        Map<String, String> env = Map.of("DOCKERHUB_MCP_CDS", "true", "DOCKERHUB_MCP_TRAIN", "wait");
        Dist.Run first = Dist.run(List.of("tools", "--json"), Dist.env(tmp, env), null, 180);
        assertEquals(0, first.exit(), first.stderr());
        try (var files = java.nio.file.Files.list(tmp.resolve("cache"))) {
            assertTrue(files.anyMatch(f -> java.nio.file.Files.isRegularFile(f)), "a cache file was written");
        }
        Dist.Run second = Dist.run(List.of("tools", "--json"), Dist.env(tmp, env), null, 120);
        assertEquals(0, second.exit(), second.stderr());
        assertEquals(first.stdout(), second.stdout(), "the same answer with the cache, nothing else on stdout");
        MAPPER.readTree(second.stdout());
    }

    @Test
    void callRunsOneActionAndPrintsTheEnvelope() throws Exception {
        try (FakeHub hub = FakeHub.start().requireAuth(false)) {
            hub.on("GET", "/v2/namespaces/library/repositories").respond(200, "{\"count\":1,\"next\":null,"
                + "\"previous\":null,\"results\":[{\"name\":\"nginx\",\"namespace\":\"library\",\"pull_count\":7}]}");
            Map<String, String> env = Map.of("DOCKERHUB_URL", hub.url());
            Dist.Run ok = Dist.run(List.of("call", "hub_repos", "list", "namespace=library", "page_size=5"),
                Dist.env(tmp, env), null, 60);
            assertEquals(0, ok.exit(), ok.stderr());
            JsonNode envelope = MAPPER.readTree(ok.stdout());
            assertEquals(200, envelope.path("status_code").asInt());
            assertTrue(envelope.toString().contains("nginx"), envelope.toString());
            assertEquals("5", hub.lastRequest().queryParam("page_size").orElseThrow());

            // a string parameter keeps a numeric-looking value as text; quotes around a value are removed
            hub.on("GET", "/v2/namespaces/library/repositories/nginx/tags/1.25").respond(200,
                "{\"name\":\"1.25\",\"digest\":\"sha256:aa\"}");
            hub.on("GET", "/v2/namespaces/library/repositories/nginx/tags/1.0").respond(200,
                "{\"name\":\"1.0\",\"digest\":\"sha256:bb\"}");
            Dist.Run tag = Dist.run(List.of("call", "hub_repos", "get_tag", "repository=nginx", "tag=1.25"),
                Dist.env(tmp, env), null, 60);
            assertEquals(0, tag.exit(), tag.stderr());
            assertEquals("1.25", MAPPER.readTree(tag.stdout()).path("data").path("name").asText());
            Dist.Run quoted = Dist.run(List.of("call", "hub_repos", "get_tag", "repository=\"nginx\"", "tag='1.0'",
                "verbose=\"true\""), Dist.env(tmp, env), null, 60);
            assertEquals(0, quoted.exit(), quoted.stderr());
            assertEquals("sha256:bb", MAPPER.readTree(quoted.stdout()).path("data").path("digest").asText());

            Dist.Run admin = Dist.run(List.of("call", "hub_admin", "plugins"), Dist.env(tmp, Map.of()), null, 60);
            assertEquals(0, admin.exit(), admin.stderr());
            assertTrue(admin.stdout().contains("repos"), admin.stdout());

            int before = hub.requests().size();
            Dist.Run bad = Dist.run(List.of("call", "hub_repos", "list", "namespace=library", "page_size=1000"),
                Dist.env(tmp, env), null, 60);
            assertEquals(1, bad.exit());
            assertTrue(bad.stderr().contains("'page_size'"), bad.stderr());
            assertEquals("", bad.stdout().strip());
            assertEquals(before, hub.requests().size(), "nothing sent for invalid input");

            Dist.Run gated = Dist.run(List.of("call", "hub_repos", "delete", "namespace=alice", "repository=old"),
                Dist.env(tmp, env), null, 60);
            assertEquals(1, gated.exit());
            assertTrue(gated.stderr().contains("destructive_refused"), gated.stderr());
        }
    }
}
