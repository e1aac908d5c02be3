package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

class AddTeamMemberTest extends HubActionTest {
    @Override
    DockerHubPlugin plugin() {
        return new TeamsPlugin();
    }

    @Override
    String action() {
        return "add_member";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"team\":\"developers\",\"member\":\"jonsnow\"}", "POST",
                "/v2/orgs/acme/groups/developers/members", FakeResponse.status(200))
            .body("{\"member\":\"jonsnow\"}");
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\",\"team\":\"developers\"}", "member"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"member\":\"Jon Snow\"}", "member"),
            new Bad("{\"org\":\"acme\",\"member\":\"jonsnow\"}", "team"),
            new Bad("{\"team\":\"developers\",\"member\":\"jonsnow\"}", "org"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertTrue(env.path("data").path("added").asBoolean());
    }
}
