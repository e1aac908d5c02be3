package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CreateOatTest {
    private static final String PATH = "/v2/orgs/acme/access-tokens";
    private static final String ARGS = """
        {"org":"acme","label":"ci","description":"pipeline pulls","expires_at":"2030-05-20T00:54:18Z",
         "resources":[{"type":"TYPE_REPO","path":"acme/web","scopes":["repo-pull"]},
                      {"type":"TYPE_REPO","path":"*/*/public","scopes":["repo-pull"]}]}""";
    private final HubFixture f = HubFixture.start(new AuthPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void postsTheSpecBodyAndRevealsTheTokenOnce() throws Exception {
        f.hub().on("POST", PATH).respond(201, Samples.OAT_CREATED);
        Result r = f.call("create_oat", ARGS);
        RecordedRequest req = f.onlyRequest();
        assertEquals("POST", req.method());
        assertEquals(PATH, req.path());
        assertEquals(Samples.JSON.readTree("""
            {"label":"ci","description":"pipeline pulls",
             "resources":[{"type":"TYPE_REPO","path":"acme/web","scopes":["repo-pull"]},
                          {"type":"TYPE_REPO","path":"*/*/public","scopes":["repo-pull"]}],
             "expires_at":"2030-05-20T00:54:18Z"}"""), req.json());
        ObjectNode env = f.envelope(r);
        assertEquals(Samples.NEW_OAT, env.get("data").get("token").asText());
        String text = env.toString();
        assertEquals(text.indexOf(Samples.NEW_OAT), text.lastIndexOf(Samples.NEW_OAT), "exactly once");
    }

    @Test
    void theSameTokenInAGetAnswerIsRedacted() {
        f.hub().on("GET", PATH + "/" + Samples.OAT_ID).respond(200, Samples.OAT_CREATED);
        Result r = f.call("get_oat", "{\"org\":\"acme\",\"id\":\"" + Samples.OAT_ID + "\",\"verbose\":true}");
        assertFalse(f.envelope(r).toString().contains(Samples.NEW_OAT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"org\":\"acme\"}|'label' is required",
        "{\"label\":\"ci\"}|'org' is required",
        "{\"org\":\"acme\",\"label\":\"ci\",\"resources\":[{\"type\":\"TYPE_TEAM\",\"path\":\"acme/web\",\"scopes\":[\"repo-pull\"]}]}|'resources[0].type' must be one of TYPE_REPO, TYPE_ORG",
        "{\"org\":\"acme\",\"label\":\"ci\",\"resources\":[{\"type\":\"TYPE_REPO\",\"scopes\":[\"repo-pull\"]}]}|'resources[0].path' is required",
        "{\"org\":\"acme\",\"label\":\"ci\",\"resources\":[{\"type\":\"TYPE_REPO\",\"path\":\"acme/web\",\"scopes\":[]}]}|'resources[0].scopes' needs at least 1",
        "{\"org\":\"acme\",\"label\":\"ci\",\"resources\":[{\"type\":\"TYPE_REPO\",\"path\":\"acme/web\",\"scopes\":[\"Pull All\"]}]}|'resources[0].scopes[0]' does not match",
        "{\"org\":\"acme\",\"label\":\"ci\",\"resources\":[{\"type\":\"TYPE_REPO\",\"path\":\"acme/web\",\"scopes\":[\"repo-pull\"],\"admin\":true}]}|'admin'",
        "{\"org\":\"acme\",\"label\":\"ci\",\"expires_at\":\"1999-01-01T00:00:00Z\"}|'expires_at' must be in the future"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("create_oat", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("POST", PATH).respond(201, Samples.OAT_CREATED);
        f.reMintsAfter401("create_oat", ARGS, "POST", PATH);
    }

    @Test
    void notFound() {
        f.notFound("create_oat", ARGS, "POST", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("create_oat", ARGS, "POST", PATH, FakeResponse.json(201, Samples.OAT_CREATED));
    }
}
