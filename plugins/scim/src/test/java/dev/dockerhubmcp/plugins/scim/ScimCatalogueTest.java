package dev.dockerhubmcp.plugins.scim;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The action catalogue: names and effects in order, tool name and toggle. The full surface a model sees is
 * snapshotted by dist's ToolsListSnapshotIT (the served {@code tools/list}).
 */
class ScimCatalogueTest {
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
