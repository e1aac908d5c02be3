package dev.dockerhubmcp.plugins.audit;

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
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class ActionsTest {
    static final String ACTIONS = "{\"actions\":{\"repo\":{\"label\":\"Repository\",\"actions\":["
        + "{\"name\":\"repo.create\",\"description\":\"contains repository create events\",\"label\":\"Create\"},"
        + "{\"name\":\"repo.tag.push\",\"description\":\"contains tag push events\",\"label\":\"Tag push\"}]},"
        + "\"org\":{\"label\":\"Organization\",\"actions\":[{\"name\":\"org.settings.update\"}]}}}";

    private final HubFixture f = HubFixture.destructive(new AuditPlugin());

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new AuditPlugin(), "actions")
            .success(success())
            .invalid(invalid())
            .check(ActionsTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"account\":\"acme\"}", "GET", "/v2/auditlogs/acme/actions", FakeResponse.json(200, ACTIONS));
    }

    static Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "account"), new Bad("{\"account\":\"acme!\"}", "account"),
            new Bad("{\"account\":\"acme\",\"page\":1}", "page"));
    }

    static void checkSuccess(JsonNode env) {
        JsonNode data = env.path("data");
        assertEquals(3, data.path("count").asInt());
        assertEquals(parse("{\"group\":\"repo\",\"label\":\"Repository\",\"actions\":[\"repo.create\","
            + "\"repo.tag.push\"]}"), data.path("groups").get(0));
    }

    @Test
    void verboseIsTheRawMap() {
        f.hub().on("GET", "/v2/auditlogs/acme/actions").respond(200, ACTIONS);
        assertEquals(parse(ACTIONS), f.envelope("actions", "{\"account\":\"acme\",\"verbose\":true}").path("data"));
    }
}
