package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UpdateTeamTest extends HubActionTest {
    @Override
    DockerHubPlugin plugin() {
        return new TeamsPlugin();
    }

    @Override
    String action() {
        return "update";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"team\":\"developers\",\"name\":\"engineers\",\"description\":\"All\"}",
                "PUT", "/v2/orgs/acme/groups/developers", FakeResponse.json(200, "{\"id\":10,\"name\":\"engineers\","
                    + "\"description\":\"All\",\"member_count\":4}"))
            .body("{\"name\":\"engineers\",\"description\":\"All\"}");
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"description\":\"only this\"}", "name"),
            new Bad("{\"org\":\"acme\",\"name\":\"engineers\"}", "team"),
            new Bad("{\"team\":\"developers\",\"name\":\"engineers\"}", "org"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"name\":\"\"}", "name"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals("engineers", env.path("data").path("name").asText());
    }
}
