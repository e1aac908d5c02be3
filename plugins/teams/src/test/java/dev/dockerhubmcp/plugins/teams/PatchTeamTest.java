package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Stream;

import static dev.dockerhubmcp.testkit.hub.HubFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class PatchTeamTest {
    private final HubFixture f = HubFixture.destructive(new TeamsPlugin());

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new TeamsPlugin(), "patch")
            .success(success())
            .invalid(invalid())
            .check(PatchTeamTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\",\"team\":\"developers\",\"description\":\"Backend devs\"}", "PATCH",
                "/v2/orgs/acme/groups/developers", FakeResponse.json(200, "{\"id\":10,\"name\":\"developers\","
                    + "\"description\":\"Backend devs\",\"member_count\":4}"))
            .body("{\"description\":\"Backend devs\"}");
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\",\"team\":\"developers\"}", "name"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"name\":\"a b\"}", "name"),
            new Bad("{\"org\":\"acme\",\"description\":\"x\"}", "team"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals("Backend devs", env.path("data").path("description").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"engineers\"}                      | {\"name\":\"engineers\"}",
        "{\"name\":\"engineers\",\"description\":\"\"} | {\"name\":\"engineers\",\"description\":\"\"}",
    })
    void sendsOnlyWhatWasGiven(String given, String sent) {
        f.hub().on("PATCH", "/v2/orgs/acme/groups/developers").respond(200, "{\"id\":10,\"name\":\"engineers\"}");
        JsonNode args = parse(given);
        ((com.fasterxml.jackson.databind.node.ObjectNode) args).put("org", "acme").put("team", "developers");
        f.envelope("patch", args.toString());
        assertEquals(parse(sent), f.hub().lastRequest().json());
    }
}
