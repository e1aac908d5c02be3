package dev.dockerhubmcp.plugins.teams;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The action catalogue: names and effects in order, tool name and toggle. The full surface a model sees is
 * snapshotted by dist's ToolsListSnapshotIT (the served {@code tools/list}).
 */
class TeamsCatalogueTest {
    @Test
    void actionsAndEffectsAreTheCatalogue() {
        assertEquals("list:READ create:WRITE get:READ update:WRITE patch:WRITE delete:DESTRUCTIVE "
                + "list_members:READ add_member:WRITE remove_member:DESTRUCTIVE",
            String.join(" ", new TeamsPlugin().actions().stream().map(a -> a.name() + ":" + a.effect()).toList()));
        assertEquals("hub_teams", new TeamsPlugin().toolName());
        assertEquals("TEAMSTOOL", new TeamsPlugin().toggle());
    }
}
