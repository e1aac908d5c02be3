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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class RemoveMemberTest {
    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new OrgPlugin(), "remove_member")
            .success(success())
            .invalid(invalid())
            .check(RemoveMemberTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\",\"username\":\"jonsnow\"}", "DELETE", "/v2/orgs/acme/members/jonsnow",
            FakeResponse.status(204));
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"org\":\"acme\"}", "username"),
            new Bad("{\"username\":\"jonsnow\"}", "org"),
            new Bad("{\"org\":\"acme\",\"username\":\"jon snow\"}", "username"),
            new Bad("{\"org\":\"acme\",\"username\":\"jonsnow\",\"force\":true}", "force"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals(204, env.path("status_code").asInt());
        assertTrue(env.path("data").path("removed").asBoolean());
        assertEquals("jonsnow", env.path("data").path("username").asText());
    }
}
