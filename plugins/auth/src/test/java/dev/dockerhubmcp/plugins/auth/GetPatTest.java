package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.JsonNode;
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

class GetPatTest {
    private static final String PATH = "/v2/access-tokens/" + Samples.PAT_UUID;
    private static final String ARGS = "{\"uuid\":\"" + Samples.PAT_UUID + "\"}";
    private final HubFixture f = HubFixture.start(new AuthPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void getsOneToken() {
        f.hub().on("GET", PATH).respond(200, Samples.PAT);
        JsonNode data = f.ok("get_pat", ARGS);
        RecordedRequest r = f.onlyRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.path());
        HubFixture.assertNoQuery(r);
        assertEquals("ci read", data.get("token_label").asText());
        assertFalse(data.has("client_id"));
    }

    @Test
    void aTokenValueInAnyOtherAnswerIsRedacted() {
        f.hub().on("GET", PATH).respond(200, Samples.PAT_CREATED);
        Result r = f.call("get_pat", ARGS.replace("}", ",\"verbose\":true}"));
        String text = f.envelope(r).toString();
        assertFalse(text.contains(Samples.NEW_PAT), text);
        assertEquals("[REDACTED]", f.envelope(r).get("data").get("token").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}|'uuid' is required",
        "{\"uuid\":\"not-a-uuid\"}|'uuid' does not match",
        "{\"uuid\":\"../../v2/users\"}|'uuid' does not match"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("get_pat", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("GET", PATH).respond(200, Samples.PAT);
        f.reMintsAfter401("get_pat", ARGS, "GET", PATH);
    }

    @Test
    void notFound() {
        f.notFound("get_pat", ARGS, "GET", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("get_pat", ARGS, "GET", PATH, FakeResponse.json(200, Samples.PAT));
    }
}
