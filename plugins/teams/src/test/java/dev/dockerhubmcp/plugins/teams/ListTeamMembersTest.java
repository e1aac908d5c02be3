package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ListTeamMembersTest extends HubActionTest {
    static final String PAGE = "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"id\":\"0ab7\","
        + "\"username\":\"jonsnow\",\"full_name\":\"Jon Snow\",\"email\":\"jon@acme.io\",\"company\":\"Acme\","
        + "\"type\":\"User\",\"gravatar_url\":\"https://g/x\"}]}";

    @Override
    DockerHubPlugin plugin() {
        return new TeamsPlugin();
    }

    @Override
    String action() {
        return "list_members";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"team\":\"developers\",\"search\":\"jon\",\"page_size\":10}", "GET",
                "/v2/orgs/acme/groups/developers/members", FakeResponse.json(200, PAGE))
            .query("search", "jon", "page_size", "10");
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\"}", "team"),
            new Bad("{\"team\":\"developers\"}", "org"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"page_size\":0}", "page_size"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"page\":\"first\"}", "page"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"username\":\"jonsnow\"}", "username"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        JsonNode m = env.path("data").path("items").get(0);
        assertEquals("jonsnow", m.path("username").asText());
        assertEquals("jon@acme.io", m.path("email").asText());
        assertFalse(m.has("gravatar_url"));
        assertEquals(1, env.path("data").path("page").asInt());
    }
}
