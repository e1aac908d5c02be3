package dev.dockerhubmcp.plugins.repos;

import dev.dockerhubmcp.testkit.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * The plugin's surface (tool name, toggle, every action's name, effect, description, input and output schema) is
 * compared with the checked-in {@code src/test/resources/snapshots/hub_repos.json}, so a change to what a model sees is
 * a reviewed diff. After an intended change, regenerate with
 * {@code mvn -pl plugins/repos -am test -Dtest=ReposSchemaSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddockerhubmcp.updateSnapshots=true} and review the diff.
 */
class ReposSchemaSnapshotTest {
    @Test
    void surfaceMatchesTheSnapshot() {
        SchemaSnapshot.assertMatches(new ReposPlugin(), Path.of("src/test/resources/snapshots/hub_repos.json"));
    }
}
