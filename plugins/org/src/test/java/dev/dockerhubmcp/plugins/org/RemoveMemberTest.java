package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoveMemberTest extends HubActionTest {
    @Override
    DockerHubPlugin plugin() {
        return new OrgPlugin();
    }

    @Override
    String action() {
        return "remove_member";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"username\":\"jonsnow\"}", "DELETE", "/v2/orgs/acme/members/jonsnow",
            FakeResponse.status(204));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\"}", "username"),
            new Bad("{\"username\":\"jonsnow\"}", "org"),
            new Bad("{\"org\":\"acme\",\"username\":\"jon snow\"}", "username"),
            new Bad("{\"org\":\"acme\",\"username\":\"jonsnow\",\"force\":true}", "force"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals(204, env.path("status_code").asInt());
        assertTrue(env.path("data").path("removed").asBoolean());
        assertEquals("jonsnow", env.path("data").path("username").asText());
    }
}
