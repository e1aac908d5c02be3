package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's surface (tool name, toggle, every action's name, effect, description, input and output schema) is
 * compared with the checked-in {@code src/test/resources/hub_scim.schema.json}, so a change to what a model sees is a
 * reviewed diff. After an intended change, regenerate with
 * {@code mvn -pl plugins/scim -am test -Dtest=ScimSchemaSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddockerhubmcp.updateSnapshots=true} and review the diff.
 */
class ScimSchemaSnapshotTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SNAPSHOT = Path.of("src/test/resources/hub_scim.schema.json");

    static ObjectNode surface(DockerHubPlugin plugin) {
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

    /** Pretty JSON text, numbers normalised (the builders mix int and long nodes). */
    static String pretty(JsonNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(node.toString())) + "\n";
    }

    @Test
    void surfaceMatchesTheSnapshot() throws IOException {
        String actual = pretty(surface(new ScimPlugin()));
        if (Boolean.getBoolean("dockerhubmcp.updateSnapshots")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, actual);
        }
        assertTrue(Files.exists(SNAPSHOT), "no snapshot at " + SNAPSHOT.toAbsolutePath()
            + "; create it with -Ddockerhubmcp.updateSnapshots=true");
        assertEquals(pretty(JSON.readTree(SNAPSHOT.toFile())), actual, "the surface of hub_scim changed; if intended, "
            + "regenerate with -Ddockerhubmcp.updateSnapshots=true and review the diff");
    }

    @Test
    void actionsAndEffectsAreTheCatalogue() {
        assertEquals("service_provider_config:READ resource_types:READ resource_type:READ schemas:READ "
                + "schema:READ list_users:READ get_user:READ create_user:WRITE update_user:WRITE",
            String.join(" ", new ScimPlugin().actions().stream().map(a -> a.name() + ":" + a.effect()).toList()));
        assertEquals("hub_scim", new ScimPlugin().toolName());
        assertEquals(List.of("update_user"), new ScimPlugin().actions().stream()
            .filter(dev.dockerhubmcp.api.Action::mayDestroy).map(dev.dockerhubmcp.api.Action::name).toList());
        assertEquals("SCIMTOOL", new ScimPlugin().toggle());
    }
}
