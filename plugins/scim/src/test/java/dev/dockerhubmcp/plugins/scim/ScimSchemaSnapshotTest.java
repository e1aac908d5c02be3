package dev.dockerhubmcp.plugins.scim;

import dev.dockerhubmcp.testkit.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The plugin's surface (tool name, toggle, every action's name, effect, description, input and output schema) is
 * compared with the checked-in {@code src/test/resources/hub_scim.schema.json}, so a change to what a model sees is a
 * reviewed diff. After an intended change, regenerate with
 * {@code mvn -pl plugins/scim -am test -Dtest=ScimSchemaSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddockerhubmcp.updateSnapshots=true} and review the diff.
 */
class ScimSchemaSnapshotTest {
    private static final Path SNAPSHOT = Path.of("src/test/resources/hub_scim.schema.json");

    @Test
    void surfaceMatchesTheSnapshot() {
        SchemaSnapshot.assertMatches(new ScimPlugin(), SNAPSHOT);
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
