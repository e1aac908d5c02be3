package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class UpdateMemberTest extends HubActionTest {
    @Override
    DockerHubPlugin plugin() {
        return new OrgPlugin();
    }

    @Override
    String action() {
        return "update_member";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"username\":\"jonsnow\",\"role\":\"editor\"}", "PUT",
                "/v2/orgs/acme/members/jonsnow", FakeResponse.json(200, "{\"username\":\"jonsnow\",\"role\":\"Editor\","
                    + "\"gravatar_url\":\"https://g/x\",\"groups\":[\"devs\"]}"))
            .body("{\"role\":\"editor\"}");
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"username\":\"jonsnow\",\"role\":\"owner\"}", "org"),
            new Bad("{\"org\":\"acme\",\"role\":\"owner\"}", "username"),
            new Bad("{\"org\":\"acme\",\"username\":\"jonsnow\"}", "role"),
            new Bad("{\"org\":\"acme\",\"username\":\"jonsnow\",\"role\":\"Owner\"}", "role"),
            new Bad("{\"org\":\"acme\",\"username\":\"jonsnow\",\"role\":\"admin\"}", "role"),
            new Bad("{\"org\":\"acme\",\"username\":\"Jon Snow\",\"role\":\"member\"}", "username"),
            new Bad("{\"org\":\"acme\",\"username\":\"../x\",\"role\":\"member\"}", "username"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals("Editor", env.path("data").path("role").asText());
        assertFalse(env.path("data").has("gravatar_url"));
    }
}
