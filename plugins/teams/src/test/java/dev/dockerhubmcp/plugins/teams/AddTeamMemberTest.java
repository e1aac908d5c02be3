package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class AddTeamMemberTest {
    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new TeamsPlugin(), "add_member")
            .success(success())
            .invalid(invalid())
            .check(AddTeamMemberTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\",\"team\":\"developers\",\"member\":\"jonsnow\"}", "POST",
                "/v2/orgs/acme/groups/developers/members", FakeResponse.status(200))
            .body("{\"member\":\"jonsnow\"}");
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\",\"team\":\"developers\"}", "member"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"member\":\"Jon Snow\"}", "member"),
            new Bad("{\"org\":\"acme\",\"member\":\"jonsnow\"}", "team"),
            new Bad("{\"team\":\"developers\",\"member\":\"jonsnow\"}", "org"));
    }

    static void checkSuccess(JsonNode env) {
        assertTrue(env.path("data").path("added").asBoolean());
    }
}
