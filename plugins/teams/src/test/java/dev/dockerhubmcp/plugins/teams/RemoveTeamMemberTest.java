package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoveTeamMemberTest extends HubActionTest {
    @Override
    DockerHubPlugin plugin() {
        return new TeamsPlugin();
    }

    @Override
    String action() {
        return "remove_member";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"team\":\"developers\",\"username\":\"jonsnow\"}", "DELETE",
            "/v2/orgs/acme/groups/developers/members/jonsnow", FakeResponse.status(204));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\",\"team\":\"developers\"}", "username"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"username\":\"..\"}", "username"),
            new Bad("{\"org\":\"acme\",\"username\":\"jonsnow\"}", "team"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"member\":\"jonsnow\"}", "username"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertTrue(env.path("data").path("removed").asBoolean());
    }
}
