package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleteTeamTest extends HubActionTest {
    @Override
    DockerHubPlugin plugin() {
        return new TeamsPlugin();
    }

    @Override
    String action() {
        return "delete";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"team\":\"developers\"}", "DELETE", "/v2/orgs/acme/groups/developers",
            FakeResponse.status(204));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(new Bad("{\"org\":\"acme\"}", "team"), new Bad("{\"team\":\"developers\"}", "org"),
            new Bad("{\"org\":\"acme\",\"team\":\"devs?x=1\"}", "team"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertTrue(env.path("data").path("deleted").asBoolean());
    }
}
