package dev.dockerhubmcp.plugins.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The action catalogue: names and effects in order, tool name and toggle. The full surface a model sees is
 * snapshotted by dist's ToolsListSnapshotIT (the served {@code tools/list}).
 */
class AuditCatalogueTest {
    @Test
    void actionsAndEffectsAreTheCatalogue() {
        assertEquals("logs:READ actions:READ",
            String.join(" ", new AuditPlugin().actions().stream().map(a -> a.name() + ":" + a.effect()).toList()));
        assertEquals("hub_audit", new AuditPlugin().toolName());
        assertEquals("AUDITTOOL", new AuditPlugin().toggle());
    }
}
