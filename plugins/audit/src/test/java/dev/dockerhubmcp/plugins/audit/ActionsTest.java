package dev.dockerhubmcp.plugins.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActionsTest extends HubActionTest {
    static final String ACTIONS = "{\"actions\":{\"repo\":{\"label\":\"Repository\",\"actions\":["
        + "{\"name\":\"repo.create\",\"description\":\"contains repository create events\",\"label\":\"Create\"},"
        + "{\"name\":\"repo.tag.push\",\"description\":\"contains tag push events\",\"label\":\"Tag push\"}]},"
        + "\"org\":{\"label\":\"Organization\",\"actions\":[{\"name\":\"org.settings.update\"}]}}}";

    @Override
    DockerHubPlugin plugin() {
        return new AuditPlugin();
    }

    @Override
    String action() {
        return "actions";
    }

    @Override
    Call success() {
        return Call.of("{\"account\":\"acme\"}", "GET", "/v2/auditlogs/acme/actions", FakeResponse.json(200, ACTIONS));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "account"), new Bad("{\"account\":\"acme!\"}", "account"),
            new Bad("{\"account\":\"acme\",\"page\":1}", "page"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        JsonNode data = env.path("data");
        assertEquals(3, data.path("count").asInt());
        assertEquals(parse("{\"group\":\"repo\",\"label\":\"Repository\",\"actions\":[\"repo.create\","
            + "\"repo.tag.push\"]}"), data.path("groups").get(0));
    }

    @Test
    void verboseIsTheRawMap() {
        hub.on("GET", "/v2/auditlogs/acme/actions").respond(200, ACTIONS);
        assertEquals(parse(ACTIONS), call("{\"account\":\"acme\",\"verbose\":true}").path("data"));
    }
}
