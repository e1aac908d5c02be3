package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CreateTeamTest extends HubActionTest {
    static final String TEAM = "{\"id\":12,\"uuid\":\"a1b2\",\"name\":\"developers\",\"description\":\"Devs\","
        + "\"member_count\":0}";

    @Override
    DockerHubPlugin plugin() {
        return new TeamsPlugin();
    }

    @Override
    String action() {
        return "create";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"name\":\"developers\",\"description\":\"Devs\"}", "POST",
                "/v2/orgs/acme/groups", FakeResponse.json(201, TEAM))
            .body("{\"name\":\"developers\",\"description\":\"Devs\"}");
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"name\":\"developers\"}", "org"),
            new Bad("{\"org\":\"acme\"}", "name"),
            new Bad("{\"org\":\"acme\",\"name\":\"dev team\"}", "name"),
            new Bad("{\"org\":\"acme\",\"name\":\"-dev\"}", "name"),
            new Bad("{\"org\":\"acme\",\"name\":\"dev\",\"description\":7}", "description"),
            new Bad("{\"org\":\"acme\",\"name\":\"dev\",\"members\":[\"a\"]}", "members"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals(201, env.path("status_code").asInt());
        assertEquals(12, env.path("data").path("id").asInt());
        assertFalse(env.path("data").has("uuid"));
    }

    @Test
    void descriptionIsOnlySentWhenGiven() {
        hub.on("POST", "/v2/orgs/acme/groups").respond(201, TEAM);
        call("{\"org\":\"acme\",\"name\":\"developers\"}");
        assertEquals(parse("{\"name\":\"developers\"}"), hub.lastRequest().json());
    }
}
