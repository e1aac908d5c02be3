package dev.dockerhubmcp.plugins.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.PluginInfo;
import dev.dockerhubmcp.api.PluginInfo.ActionInfo;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginsTest {
    private static final List<PluginInfo> INFOS = List.of(
        new PluginInfo("repos", "0.1.0", "hub_repos", "started", "plugin-repos-0.1.0.jar", null, List.of(
            new ActionInfo("list", Effect.READ, false), new ActionInfo("create", Effect.WRITE, true),
            new ActionInfo("delete", Effect.DESTRUCTIVE, false))),
        new PluginInfo("scim", "0.1.0", null, "disabled", "plugin-scim-0.1.0.jar", "SCIMTOOL=false", List.of()),
        new PluginInfo("broken", "2.0.0", null, "failed", "broken.jar", "requires plugin API >=0.2.0", List.of()));

    private final FakeHub hub = FakeHub.start();
    private final ActionHarness h = ActionHarness.builder().hub(hub.url()).credentials("alice", "pw").build();

    @AfterEach
    void close() {
        h.close();
        hub.close();
    }

    @Test
    void listsEveryPluginCompactly() {
        JsonNode data = AdminFixture.ok(h, AdminFixture.run(h, "plugins", "{}", INFOS, null));
        assertEquals(3, data.get("count").asInt());
        JsonNode repos = data.get("plugins").get(0);
        assertEquals("repos", repos.get("id").asText());
        assertEquals("0.1.0", repos.get("version").asText());
        assertEquals("hub_repos", repos.get("tool").asText());
        assertEquals("started", repos.get("state").asText());
        assertEquals("plugin-repos-0.1.0.jar", repos.get("source").asText());
        assertFalse(repos.has("reason"));
        assertEquals("{\"list\":\"read\",\"create\":\"write\",\"delete\":\"destructive\"}",
            repos.get("actions").toString());
        assertEquals("[\"create\"]", repos.get("hidden").toString());
        JsonNode scim = data.get("plugins").get(1);
        assertEquals("disabled", scim.get("state").asText());
        assertEquals("SCIMTOOL=false", scim.get("reason").asText());
        assertFalse(scim.has("tool"));
        assertEquals("requires plugin API >=0.2.0", data.get("plugins").get(2).get("reason").asText());
        assertEquals(0, hub.requests().size(), "no network");
    }

    @Test
    void filtersById() {
        JsonNode data = AdminFixture.ok(h, AdminFixture.run(h, "plugins", "{\"id\":\"scim\"}", INFOS, null));
        assertEquals(1, data.get("count").asInt());
        assertEquals("scim", data.get("plugins").get(0).get("id").asText());
    }

    @Test
    void unknownIdIsNotFoundNamingTheKnownOnes() {
        Result r = AdminFixture.run(h, "plugins", "{\"id\":\"nope\"}", INFOS, null);
        JsonNode err = h.envelope(r).get("error");
        assertEquals("not_found", err.get("type").asText());
        assertTrue(err.get("message").asText().contains("repos, scim, broken"), err.toString());
    }

    @Test
    void invalidArgumentsAreRefused() {
        for (String args : new String[] {"{\"id\":\"../x\"}", "{\"id\":5}", "{\"verbose\":true}"}) {
            Result r = AdminFixture.run(h, "plugins", args, INFOS, null);
            assertEquals("validation", h.envelope(r).get("error").get("type").asText(), args);
        }
    }

    @Test
    void noPluginsKnown() {
        JsonNode data = AdminFixture.ok(h, AdminFixture.run(h, "plugins", "{}", List.of(), null));
        assertEquals(0, data.get("count").asInt());
    }
}
