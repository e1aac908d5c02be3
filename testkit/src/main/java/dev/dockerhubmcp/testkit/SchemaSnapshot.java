package dev.dockerhubmcp.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plugin's surface — tool name, toggle, description, and every action's name, effect, description, input and
 * output schema — compared with a checked-in JSON file, so a change to what a model sees is a reviewed diff:
 *
 * <pre>{@code
 * @Test
 * void surfaceMatchesTheSnapshot() {
 *     SchemaSnapshot.assertMatches(new TeamsPlugin(), Path.of("src/test/resources/hub_teams.schema.json"));
 * }
 * }</pre>
 *
 * After an intended change, run the test with {@code -Ddockerhubmcp.updateSnapshots=true} (it rewrites the file) and
 * review the diff.
 */
public final class SchemaSnapshot {
    public static final String UPDATE_PROPERTY = "dockerhubmcp.updateSnapshots";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaSnapshot() {
    }

    /** The surface of a plugin as JSON. */
    public static ObjectNode surface(DockerHubPlugin plugin) {
        ObjectNode out = JSON.createObjectNode();
        out.put("tool", plugin.toolName());
        out.put("toggle", plugin.toggle());
        out.put("description", plugin.description());
        ArrayNode actions = out.putArray("actions");
        for (Action a : plugin.actions()) {
            ObjectNode n = actions.addObject();
            n.put("name", a.name());
            n.put("effect", a.effect().name());
            n.put("destructive_when", a.effect().name().equals("WRITE") && a.mayDestroy());
            n.put("description", a.description());
            n.set("input", a.inputSchema());
            if (a.outputSchema() != null) {
                n.set("output", a.outputSchema());
            }
        }
        return out;
    }

    /** Fails (AssertionError) when the plugin's surface differs from the file; rewrites it when asked to. */
    public static void assertMatches(DockerHubPlugin plugin, Path snapshot) {
        try {
            String actual = pretty(surface(plugin));
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(snapshot.toAbsolutePath().getParent());
                Files.writeString(snapshot, actual);
            }
            if (!Files.exists(snapshot)) {
                throw new AssertionError("no snapshot at " + snapshot.toAbsolutePath() + "; create it with -D"
                    + UPDATE_PROPERTY + "=true");
            }
            String expected = pretty(JSON.readTree(snapshot.toFile()));
            if (!expected.equals(actual)) {
                throw new AssertionError("the surface of " + plugin.toolName() + " changed (" + snapshot
                    + "); if intended, regenerate with -D" + UPDATE_PROPERTY + "=true and review the diff\nexpected:\n"
                    + expected + "\nactual:\n" + actual);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pretty JSON text, numbers normalised (the schema builders mix int and long nodes). */
    static String pretty(JsonNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(node.toString())) + "\n";
    }
}
