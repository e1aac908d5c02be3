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

class RemoveTeamMemberTest {
    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new TeamsPlugin(), "remove_member")
            .success(success())
            .invalid(invalid())
            .check(RemoveTeamMemberTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\",\"team\":\"developers\",\"username\":\"jonsnow\"}", "DELETE",
            "/v2/orgs/acme/groups/developers/members/jonsnow", FakeResponse.status(204));
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\",\"team\":\"developers\"}", "username"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"username\":\"..\"}", "username"),
            new Bad("{\"org\":\"acme\",\"username\":\"jonsnow\"}", "team"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"member\":\"jonsnow\"}", "username"));
    }

    static void checkSuccess(JsonNode env) {
        assertTrue(env.path("data").path("removed").asBoolean());
    }
}
