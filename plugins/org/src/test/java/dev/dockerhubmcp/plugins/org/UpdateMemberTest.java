package dev.dockerhubmcp.plugins.org;

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

class UpdateMemberTest {
    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new OrgPlugin(), "update_member")
            .success(success())
            .invalid(invalid())
            .check(UpdateMemberTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\",\"username\":\"jonsnow\",\"role\":\"editor\"}", "PUT",
                "/v2/orgs/acme/members/jonsnow", FakeResponse.json(200, "{\"username\":\"jonsnow\",\"role\":\"Editor\","
                    + "\"gravatar_url\":\"https://g/x\",\"groups\":[\"devs\"]}"))
            .body("{\"role\":\"editor\"}");
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"username\":\"jonsnow\",\"role\":\"owner\"}", "org"),
            new Bad("{\"org\":\"acme\",\"role\":\"owner\"}", "username"),
            new Bad("{\"org\":\"acme\",\"username\":\"jonsnow\"}", "role"),
            new Bad("{\"org\":\"acme\",\"username\":\"jonsnow\",\"role\":\"Owner\"}", "role"),
            new Bad("{\"org\":\"acme\",\"username\":\"jonsnow\",\"role\":\"admin\"}", "role"),
            new Bad("{\"org\":\"acme\",\"username\":\"Jon Snow\",\"role\":\"member\"}", "username"),
            new Bad("{\"org\":\"acme\",\"username\":\"../x\",\"role\":\"member\"}", "username"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals("Editor", env.path("data").path("role").asText());
        assertFalse(env.path("data").has("gravatar_url"));
    }
}
