package dev.dockerhubmcp.plugins.teams;

import dev.dockerhubmcp.testkit.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The plugin's surface (tool name, toggle, every action's name, effect, description, input and output schema) is
 * compared with the checked-in {@code src/test/resources/hub_teams.schema.json}, so a change to what a model sees is a
 * reviewed diff. After an intended change, regenerate with
 * {@code mvn -pl plugins/teams -am test -Dtest=TeamsSchemaSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddockerhubmcp.updateSnapshots=true} and review the diff.
 */
class TeamsSchemaSnapshotTest {
    private static final Path SNAPSHOT = Path.of("src/test/resources/hub_teams.schema.json");

    @Test
    void surfaceMatchesTheSnapshot() {
        SchemaSnapshot.assertMatches(new TeamsPlugin(), SNAPSHOT);
    }

    @Test
    void actionsAndEffectsAreTheCatalogue() {
        assertEquals("list:READ create:WRITE get:READ update:WRITE patch:WRITE delete:DESTRUCTIVE "
                + "list_members:READ add_member:WRITE remove_member:DESTRUCTIVE",
            String.join(" ", new TeamsPlugin().actions().stream().map(a -> a.name() + ":" + a.effect()).toList()));
        assertEquals("hub_teams", new TeamsPlugin().toolName());
        assertEquals("TEAMSTOOL", new TeamsPlugin().toggle());
    }
}
