package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tool's surface (actions, effects, descriptions, input schemas) against the checked-in snapshot
 * {@code src/test/resources/scout-actions.snapshot.json}: a change is a reviewed diff. To accept a change, run
 * <pre>
 * mvn -pl plugins/scout -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=ScoutSnapshotTest \
 *     -Ddockerhubmcp.updateSnapshots=true
 * </pre>
 * and commit the file.
 */
class ScoutSnapshotTest {
    static final String UPDATE = "dockerhubmcp.updateSnapshots";
    private static final Path FILE = Path.of("src/test/resources/scout-actions.snapshot.json");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static String render() throws IOException {
        ScoutPlugin plugin = new ScoutPlugin();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", plugin.toolName());
        root.put("toggle", plugin.toggle());
        root.put("description", plugin.description());
        ArrayNode actions = root.putArray("actions");
        for (Action a : plugin.actions()) {
            ObjectNode n = actions.addObject();
            n.put("name", a.name());
            n.put("effect", a.effect().name());
            n.put("may_destroy", a.mayDestroy());
            n.put("description", a.description());
            n.set("input", a.inputSchema());
            a.output().ifPresent(o -> n.set("output", o));
        }
        // ORDER_MAP_ENTRIES_BY_KEYS only sorts maps: go through a tree copy with sorted keys for stable output
        Object sorted = MAPPER.treeToValue(root, Object.class);
        return MAPPER.writeValueAsString(sorted) + "\n";
    }

    @Test
    void surfaceMatchesTheSnapshot() throws IOException {
        String current = render();
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, current, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(FILE), FILE.toAbsolutePath() + " is missing; run with -D" + UPDATE + "=true");
        assertEquals(Files.readString(FILE, StandardCharsets.UTF_8), current,
            "the scout tool's surface changed; review and accept with -D" + UPDATE + "=true");
    }
}
