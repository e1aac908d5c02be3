package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tool's surface (every action's name, effect, description, input and output schema) against the checked-in
 * snapshot {@code src/test/resources/snapshots/hub_auth.json}, so a change to what a model sees is a reviewed diff.
 * After an intended change, regenerate and commit the file:
 * {@code mvn -pl plugins/auth -am test -Dtest=AuthSchemaSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsnapshots.update=true}.
 */
class AuthSchemaSnapshotTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void surfaceMatchesTheSnapshot() throws Exception {
        DockerHubPlugin plugin = new AuthPlugin();
        String actual = JSON.writeValueAsString(surface(plugin)) + "\n";
        Path file = Path.of(System.getProperty("basedir", "."), "src/test/resources/snapshots/"
            + plugin.toolName() + ".json");
        if (Boolean.getBoolean("snapshots.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "no snapshot at " + file + "; run with -Dsnapshots.update=true");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "the surface of " + plugin.toolName()
            + " changed; review, then regenerate with -Dsnapshots.update=true");
    }

    static ObjectNode surface(DockerHubPlugin plugin) {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", plugin.toolName());
        root.put("toggle", plugin.toggle());
        root.put("description", plugin.description());
        ArrayNode actions = root.putArray("actions");
        for (Action a : plugin.actions()) {
            ObjectNode n = actions.addObject();
            n.put("name", a.name());
            n.put("effect", a.effect().name());
            n.put("destructive_when_arguments_say_so", a.destructiveWhen() != null);
            n.put("description", a.description());
            n.set("input", a.inputSchema());
            if (a.outputSchema() != null) {
                n.set("output", a.outputSchema());
            }
        }
        return root;
    }
}
