package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class UpdateTeamTest {
    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new TeamsPlugin(), "update")
            .success(success())
            .invalid(invalid())
            .check(UpdateTeamTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\",\"team\":\"developers\",\"name\":\"engineers\",\"description\":\"All\"}",
                "PUT", "/v2/orgs/acme/groups/developers", FakeResponse.json(200, "{\"id\":10,\"name\":\"engineers\","
                    + "\"description\":\"All\",\"member_count\":4}"))
            .body("{\"name\":\"engineers\",\"description\":\"All\"}");
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"description\":\"only this\"}", "name"),
            new Bad("{\"org\":\"acme\",\"name\":\"engineers\"}", "team"),
            new Bad("{\"team\":\"developers\",\"name\":\"engineers\"}", "org"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"name\":\"\"}", "name"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals("engineers", env.path("data").path("name").asText());
    }
}
