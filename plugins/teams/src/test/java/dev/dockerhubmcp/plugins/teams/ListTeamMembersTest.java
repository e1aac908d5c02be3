package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class ListTeamMembersTest {
    static final String PAGE = "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"id\":\"0ab7\","
        + "\"username\":\"jonsnow\",\"full_name\":\"Jon Snow\",\"email\":\"jon@acme.io\",\"company\":\"Acme\","
        + "\"type\":\"User\",\"gravatar_url\":\"https://g/x\"}]}";

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new TeamsPlugin(), "list_members")
            .success(success())
            .invalid(invalid())
            .check(ListTeamMembersTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\",\"team\":\"developers\",\"search\":\"jon\",\"page_size\":10}", "GET",
                "/v2/orgs/acme/groups/developers/members", FakeResponse.json(200, PAGE))
            .query("search", "jon", "page_size", "10");
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\"}", "team"),
            new Bad("{\"team\":\"developers\"}", "org"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"page_size\":0}", "page_size"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"page\":\"first\"}", "page"),
            new Bad("{\"org\":\"acme\",\"team\":\"developers\",\"username\":\"jonsnow\"}", "username"));
    }

    static void checkSuccess(JsonNode env) {
        JsonNode m = env.path("data").path("items").get(0);
        assertEquals("jonsnow", m.path("username").asText());
        assertEquals("jon@acme.io", m.path("email").asText());
        assertFalse(m.has("gravatar_url"));
        assertEquals(1, env.path("data").path("page").asInt());
    }
}
