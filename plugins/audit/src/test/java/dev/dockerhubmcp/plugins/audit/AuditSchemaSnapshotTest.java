package dev.dockerhubmcp.plugins.audit;

import dev.dockerhubmcp.testkit.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The plugin's surface (tool name, toggle, every action's name, effect, description, input and output schema) is
 * compared with the checked-in {@code src/test/resources/hub_audit.schema.json}, so a change to what a model sees is a
 * reviewed diff. After an intended change, regenerate with
 * {@code mvn -pl plugins/audit -am test -Dtest=AuditSchemaSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddockerhubmcp.updateSnapshots=true} and review the diff.
 */
class AuditSchemaSnapshotTest {
    private static final Path SNAPSHOT = Path.of("src/test/resources/hub_audit.schema.json");

    @Test
    void surfaceMatchesTheSnapshot() {
        SchemaSnapshot.assertMatches(new AuditPlugin(), SNAPSHOT);
    }

    @Test
    void actionsAndEffectsAreTheCatalogue() {
        assertEquals("logs:READ actions:READ",
            String.join(" ", new AuditPlugin().actions().stream().map(a -> a.name() + ":" + a.effect()).toList()));
        assertEquals("hub_audit", new AuditPlugin().toolName());
        assertEquals("AUDITTOOL", new AuditPlugin().toggle());
    }
}
