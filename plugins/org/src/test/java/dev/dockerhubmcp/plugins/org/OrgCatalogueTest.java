package dev.dockerhubmcp.plugins.org;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The action catalogue: names and effects in order, tool name and toggle. The full surface a model sees is
 * snapshotted by dist's ToolsListSnapshotIT (the served {@code tools/list}).
 */
class OrgCatalogueTest {
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
