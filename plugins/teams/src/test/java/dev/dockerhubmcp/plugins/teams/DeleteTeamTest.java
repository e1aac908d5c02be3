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

class DeleteTeamTest {
    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new TeamsPlugin(), "delete")
            .success(success())
            .invalid(invalid())
            .check(DeleteTeamTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\",\"team\":\"developers\"}", "DELETE", "/v2/orgs/acme/groups/developers",
            FakeResponse.status(204));
    }

    static Stream<Bad> invalid() {
        return Stream.of(new Bad("{\"org\":\"acme\"}", "team"), new Bad("{\"team\":\"developers\"}", "org"),
            new Bad("{\"org\":\"acme\",\"team\":\"devs?x=1\"}", "team"));
    }

    static void checkSuccess(JsonNode env) {
        assertTrue(env.path("data").path("deleted").asBoolean());
    }
}
