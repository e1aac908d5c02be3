package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class ListInvitesTest {
    static final String INVITES = "{\"data\":[{\"id\":\"e36eca69-4cc8-4f17-9845-ae8c2b832691\",\"inviter_username\":"
        + "\"moby\",\"invitee\":\"new@acme.io\",\"org\":\"acme\",\"team\":\"owners\",\"created_at\":"
        + "\"2021-10-28T18:30:19.520861Z\",\"extra\":\"x\"},{\"id\":\"f36eca69-4cc8-4f17-9845-ae8c2b832691\","
        + "\"invitee\":\"arya\",\"org\":\"acme\",\"team\":\"devs\"}]}";

    private final HubFixture f = HubFixture.destructive(new OrgPlugin());

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new OrgPlugin(), "list_invites")
            .success(success())
            .invalid(invalid())
            .check(ListInvitesTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\"}", "GET", "/v2/orgs/acme/invites", FakeResponse.json(200, INVITES));
    }

    static Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "org"), new Bad("{\"org\":\"a\"}", "org"),
            new Bad("{\"org\":\"acme\",\"page\":2}", "page"));
    }

    static void checkSuccess(JsonNode env) {
        JsonNode data = env.path("data");
        assertEquals(2, data.path("count").asInt());
        assertEquals("new@acme.io", data.path("items").get(0).path("invitee").asText());
        assertEquals("e36eca69-4cc8-4f17-9845-ae8c2b832691", data.path("items").get(0).path("id").asText());
        assertFalse(data.path("items").get(0).has("org"), "compact drops the org the caller named");
    }

    @Test
    void verboseKeepsEveryField() {
        f.hub().on("GET", "/v2/orgs/acme/invites").respond(200, INVITES);
        assertEquals("x", f.envelope("list_invites", "{\"org\":\"acme\",\"verbose\":true}").path("data").path("items").get(0)
            .path("extra").asText());
    }
}
