package dev.dockerhubmcp.plugins.org;

import dev.dockerhubmcp.testkit.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The plugin's surface (tool name, toggle, every action's name, effect, description, input and output schema) is
 * compared with the checked-in {@code src/test/resources/hub_org.schema.json}, so a change to what a model sees is a
 * reviewed diff. After an intended change, regenerate with
 * {@code mvn -pl plugins/org -am test -Dtest=OrgSchemaSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddockerhubmcp.updateSnapshots=true} and review the diff.
 */
class OrgSchemaSnapshotTest {
    private static final Path SNAPSHOT = Path.of("src/test/resources/hub_org.schema.json");

    @Test
    void surfaceMatchesTheSnapshot() {
        SchemaSnapshot.assertMatches(new OrgPlugin(), SNAPSHOT);
    }

    @Test
    void actionsAndEffectsAreTheCatalogue() {
        assertEquals("get_settings:READ update_settings:DESTRUCTIVE list_members:READ export_members:READ "
                + "update_member:WRITE remove_member:DESTRUCTIVE list_invites:READ delete_invite:DESTRUCTIVE "
                + "resend_invite:WRITE bulk_invite:WRITE",
            String.join(" ", new OrgPlugin().actions().stream().map(a -> a.name() + ":" + a.effect()).toList()));
        assertEquals("hub_org", new OrgPlugin().toolName());
        assertEquals("ORGTOOL", new OrgPlugin().toggle());
    }
}
