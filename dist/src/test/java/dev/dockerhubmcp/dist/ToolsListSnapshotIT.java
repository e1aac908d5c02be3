package dev.dockerhubmcp.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code tools/list} the distribution serves with the bundled plugins — names, descriptions, input and output
 * schemas, annotations — as the MCP SDK's client receives it over stdio, against the checked-in snapshots
 * {@code src/test/resources/snapshots/tools-list.<mode>[.read-only].json}. Any change to what a model sees fails here
 * with a diff until the snapshot is regenerated on purpose:
 * <pre>
 * mvn -pl dist -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ToolsListSnapshotIT \
 *     -Ddockerhubmcp.updateSnapshots=true
 * </pre>
 */
class ToolsListSnapshotIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");

    @TempDir
    Path tmp;

    /** The tools a server with only the bundled plugins lists, in served order. */
    private List<McpSchema.Tool> served(String mode, boolean readOnly) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        try (var s = Files.list(Dist.bundledPlugins())) {
            for (Path p : s.toList()) {
                Files.copy(p, plugins.resolve(p.getFileName()));
            }
        }
        Map<String, String> env = new HashMap<>();
        env.put("DOCKERHUB_TOOL_MODE", mode);
        env.put("DOCKERHUB_READ_ONLY", String.valueOf(readOnly));
        List<String> stderr = new CopyOnWriteArrayList<>();
        ServerParameters params = ServerParameters.builder(Dist.launcher().toString())
            .args("--plugins-dir", plugins.toString()).env(Dist.env(tmp, env)).build();
        StdioClientTransport transport = new StdioClientTransport(params, new JacksonMcpJsonMapper(MAPPER));
        transport.setStdErrorHandler(stderr::add);
        try (McpSyncClient c = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
            .initializationTimeout(Duration.ofSeconds(30)).build()) {
            c.initialize();
            List<McpSchema.Tool> tools = new ArrayList<>();
            String cursor = null;
            do {
                McpSchema.ListToolsResult page = c.listTools(cursor);
                tools.addAll(page.tools());
                cursor = page.nextCursor();
            } while (cursor != null);
            assertFalse(String.join("\n", stderr).contains("not loaded"), "every bundled plugin loads: " + stderr);
            return tools;
        }
    }

    private static ObjectNode surface(List<McpSchema.Tool> tools) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("tools");
        tools.forEach(t -> list.add(MAPPER.valueToTree(t)));
        return root;
    }

    @ParameterizedTest(name = "{0}{1}")
    @CsvSource({"consolidated,''", "granular,''", "consolidated,.read-only", "granular,.read-only"})
    void servedToolsListMatchesTheSnapshot(String mode, String variant) throws Exception {
        List<McpSchema.Tool> tools = served(mode, !variant.isEmpty());
        List<String> ids = Dist.bundledIds();
        List<String> names = tools.stream().map(McpSchema.Tool::name).toList();
        for (String id : ids) {
            assertTrue(names.stream().anyMatch(n -> n.equals("hub_" + id) || n.startsWith("hub_" + id + "_")),
                "bundled plugin " + id + " serves no tool in " + mode + variant + ": " + names);
        }
        if (mode.equals("consolidated")) {
            assertEquals(ids.size(), tools.size(), names.toString());
        }
        String text = SurfaceSnapshot.render(surface(tools));
        for (String volatileText : List.of(tmp.toString(), "127.0.0.1:", "0.1.0")) {
            assertFalse(text.contains(volatileText), "the snapshot would hold '" + volatileText + "'");
        }
        SurfaceSnapshot.assertMatches(surface(tools), SNAPSHOTS.resolve("tools-list." + mode + variant + ".json"));
    }

    @Test
    void aChangedSurfaceFailsWithADiffNamingTheLines() throws IOException {
        ObjectNode before = MAPPER.createObjectNode();
        before.putArray("tools").addObject().put("name", "hub_x").put("description", "Lists things.")
            .putObject("inputSchema").put("type", "object");
        ObjectNode after = before.deepCopy();
        ((ObjectNode) after.path("tools").get(0)).put("description", "Lists other things.");
        Path file = tmp.resolve("tools-list.test.json");
        Files.writeString(file, SurfaceSnapshot.render(before));
        AssertionError e = assertThrows(AssertionError.class, () -> SurfaceSnapshot.assertMatches(after, file, false));
        assertTrue(e.getMessage().contains("-     \"description\" : \"Lists things.\",")
            && e.getMessage().contains("+     \"description\" : \"Lists other things.\",")
            && e.getMessage().contains("-Ddockerhubmcp.updateSnapshots=true"), e.getMessage());
        SurfaceSnapshot.assertMatches(before, file, false);
        JsonNode reordered = MAPPER.readTree("{\"tools\":[{\"inputSchema\":{\"type\":\"object\"},"
            + "\"description\":\"Lists things.\",\"name\":\"hub_x\"}]}");
        SurfaceSnapshot.assertMatches(reordered, file, false);
    }
}
