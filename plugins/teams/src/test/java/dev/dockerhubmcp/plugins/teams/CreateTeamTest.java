package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static dev.dockerhubmcp.testkit.hub.HubFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class CreateTeamTest {
    static final String TEAM = "{\"id\":12,\"uuid\":\"a1b2\",\"name\":\"developers\",\"description\":\"Devs\","
        + "\"member_count\":0}";

    private final HubFixture f = HubFixture.destructive(new TeamsPlugin());

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new TeamsPlugin(), "create")
            .success(success())
            .invalid(invalid())
            .check(CreateTeamTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\",\"name\":\"developers\",\"description\":\"Devs\"}", "POST",
                "/v2/orgs/acme/groups", FakeResponse.json(201, TEAM))
            .body("{\"name\":\"developers\",\"description\":\"Devs\"}");
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"name\":\"developers\"}", "org"),
            new Bad("{\"org\":\"acme\"}", "name"),
            new Bad("{\"org\":\"acme\",\"name\":\"dev team\"}", "name"),
            new Bad("{\"org\":\"acme\",\"name\":\"-dev\"}", "name"),
            new Bad("{\"org\":\"acme\",\"name\":\"dev\",\"description\":7}", "description"),
            new Bad("{\"org\":\"acme\",\"name\":\"dev\",\"members\":[\"a\"]}", "members"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals(201, env.path("status_code").asInt());
        assertEquals(12, env.path("data").path("id").asInt());
        assertFalse(env.path("data").has("uuid"));
    }

    @Test
    void descriptionIsOnlySentWhenGiven() {
        f.hub().on("POST", "/v2/orgs/acme/groups").respond(201, TEAM);
        f.envelope("create", "{\"org\":\"acme\",\"name\":\"developers\"}");
        assertEquals(parse("{\"name\":\"developers\"}"), f.hub().lastRequest().json());
    }
}
