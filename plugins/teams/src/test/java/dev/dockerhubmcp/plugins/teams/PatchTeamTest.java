package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PatchTeamTest extends HubActionTest {
    @Override
    DockerHubPlugin plugin() {
        return new TeamsPlugin();
    }

    @Override
    String action() {
        return "patch";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"team\":\"developers\",\"description\":\"Backend devs\"}", "PATCH",
                "/v2/orgs/acme/groups/developers", FakeResponse.json(200, "{\"id\":10,\"name\":\"developers\","
                    + "\"description\":\"Backend devs\",\"member_count\":4}"))
            .body("{\"description\":\"Backend devs\"}");
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\",\"team\":\"developers\"}", "name"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"name\":\"a b\"}", "name"),
            new Bad("{\"org\":\"acme\",\"description\":\"x\"}", "team"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals("Backend devs", env.path("data").path("description").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"engineers\"}                      | {\"name\":\"engineers\"}",
        "{\"name\":\"engineers\",\"description\":\"\"} | {\"name\":\"engineers\",\"description\":\"\"}",
    })
    void sendsOnlyWhatWasGiven(String given, String sent) {
        hub.on("PATCH", "/v2/orgs/acme/groups/developers").respond(200, "{\"id\":10,\"name\":\"engineers\"}");
        JsonNode args = parse(given);
        ((com.fasterxml.jackson.databind.node.ObjectNode) args).put("org", "acme").put("team", "developers");
        call(args.toString());
        assertEquals(parse(sent), hub.lastRequest().json());
    }
}
