package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ListInvitesTest extends HubActionTest {
    static final String INVITES = "{\"data\":[{\"id\":\"e36eca69-4cc8-4f17-9845-ae8c2b832691\",\"inviter_username\":"
        + "\"moby\",\"invitee\":\"new@acme.io\",\"org\":\"acme\",\"team\":\"owners\",\"created_at\":"
        + "\"2021-10-28T18:30:19.520861Z\",\"extra\":\"x\"},{\"id\":\"f36eca69-4cc8-4f17-9845-ae8c2b832691\","
        + "\"invitee\":\"arya\",\"org\":\"acme\",\"team\":\"devs\"}]}";

    @Override
    DockerHubPlugin plugin() {
        return new OrgPlugin();
    }

    @Override
    String action() {
        return "list_invites";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\"}", "GET", "/v2/orgs/acme/invites", FakeResponse.json(200, INVITES));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "org"), new Bad("{\"org\":\"a\"}", "org"),
            new Bad("{\"org\":\"acme\",\"page\":2}", "page"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        JsonNode data = env.path("data");
        assertEquals(2, data.path("count").asInt());
        assertEquals("new@acme.io", data.path("items").get(0).path("invitee").asText());
        assertEquals("e36eca69-4cc8-4f17-9845-ae8c2b832691", data.path("items").get(0).path("id").asText());
        assertFalse(data.path("items").get(0).has("org"), "compact drops the org the caller named");
    }

    @Test
    void verboseKeepsEveryField() {
        hub.on("GET", "/v2/orgs/acme/invites").respond(200, INVITES);
        assertEquals("x", call("{\"org\":\"acme\",\"verbose\":true}").path("data").path("items").get(0)
            .path("extra").asText());
    }
}
