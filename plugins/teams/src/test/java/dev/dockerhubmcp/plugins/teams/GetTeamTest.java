package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GetTeamTest extends HubActionTest {
    static final String TEAM = "{\"id\":10,\"uuid\":\"8f1d\",\"name\":\"developers\",\"description\":\"Devs\","
        + "\"member_count\":4}";

    @Override
    DockerHubPlugin plugin() {
        return new TeamsPlugin();
    }

    @Override
    String action() {
        return "get";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"team\":\"developers\"}", "GET", "/v2/orgs/acme/groups/developers",
            FakeResponse.json(200, TEAM));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\"}", "team"),
            new Bad("{\"team\":\"developers\"}", "org"),
            new Bad("{\"org\":\"acme\",\"team\":\"..\"}", "team"),
            new Bad("{\"org\":\"acme\",\"team\":\"a/b\"}", "team"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals(parse("{\"id\":10,\"name\":\"developers\",\"description\":\"Devs\",\"member_count\":4}"),
            env.path("data"), "compact: the uuid is left out");
    }

    @Test
    void verboseIsRaw() {
        hub.on("GET", "/v2/orgs/acme/groups/developers").respond(200, TEAM);
        assertEquals(parse(TEAM), call("{\"org\":\"acme\",\"team\":\"developers\",\"verbose\":true}").path("data"));
    }
}
