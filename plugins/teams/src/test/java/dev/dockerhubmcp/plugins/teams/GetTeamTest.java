package dev.dockerhubmcp.plugins.teams;

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

import static dev.dockerhubmcp.testkit.hub.HubFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class GetTeamTest {
    static final String TEAM = "{\"id\":10,\"uuid\":\"8f1d\",\"name\":\"developers\",\"description\":\"Devs\","
        + "\"member_count\":4}";

    private final HubFixture f = HubFixture.destructive(new TeamsPlugin());

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new TeamsPlugin(), "get")
            .success(success())
            .invalid(invalid())
            .check(GetTeamTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\",\"team\":\"developers\"}", "GET", "/v2/orgs/acme/groups/developers",
            FakeResponse.json(200, TEAM));
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\"}", "team"),
            new Bad("{\"team\":\"developers\"}", "org"),
            new Bad("{\"org\":\"acme\",\"team\":\"..\"}", "team"),
            new Bad("{\"org\":\"acme\",\"team\":\"a/b\"}", "team"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals(parse("{\"id\":10,\"name\":\"developers\",\"description\":\"Devs\",\"member_count\":4}"),
            env.path("data"), "compact: the uuid is left out");
    }

    @Test
    void verboseIsRaw() {
        f.hub().on("GET", "/v2/orgs/acme/groups/developers").respond(200, TEAM);
        assertEquals(parse(TEAM), f.envelope("get", "{\"org\":\"acme\",\"team\":\"developers\",\"verbose\":true}").path("data"));
    }
}
