package dev.dockerhubmcp.plugins.admin;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.Effect;
import org.pf4j.Extension;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminPluginTest {
    @Test
    void identityToggleAndActions() {
        AdminPlugin p = new AdminPlugin();
        assertEquals("admin", p.id());
        assertEquals("hub_admin", p.toolName());
        assertEquals("ADMINTOOL", p.toggle());
        assertNotNull(AdminPlugin.class.getAnnotation(Extension.class));
        assertEquals(List.of("plugins", "rate_limit", "whoami", "pull_quota"),
            p.actions().stream().map(Action::name).toList());
        for (Action a : p.actions()) {
            assertEquals(Effect.READ, a.effect(), a.name());
            assertFalse(a.mayDestroy(), a.name());
            assertFalse(a.inputSchema().path("additionalProperties").asBoolean(true), a.name() + " input is closed");
            assertTrue(a.output().isPresent(), a.name() + " has an output schema");
            assertTrue(a.description().length() < 400, a.name() + " description stays short");
        }
    }
}
