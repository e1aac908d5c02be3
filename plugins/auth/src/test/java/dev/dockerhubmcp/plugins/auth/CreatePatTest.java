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

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreatePatTest {
    private static final String PATH = "/v2/access-tokens";
    private static final String ARGS = "{\"token_label\":\"ci read\",\"scopes\":[\"repo:read\"],"
        + "\"expires_at\":\"2030-10-28T18:30:19+02:00\"}";
    private final HubFixture f = HubFixture.builder(new AuthPlugin())
        .clock(new MutableClock(Instant.parse("2026-01-01T00:00:00Z"))).build();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void postsTheSpecBodyAndRevealsTheTokenOnce() throws Exception {
        f.hub().on("POST", PATH).respond(201, Samples.PAT_CREATED);
        Result r = f.call("create_pat", ARGS);
        RecordedRequest req = f.onlyRequest();
        assertEquals("POST", req.method());
        assertEquals(PATH, req.path());
        HubFixture.assertNoQuery(req);
        assertEquals(Samples.JSON.readTree("{\"token_label\":\"ci read\",\"scopes\":[\"repo:read\"],"
            + "\"expires_at\":\"2030-10-28T16:30:19Z\"}"), req.json());
        ObjectNode env = f.envelope(r);
        assertEquals(201, env.get("status_code").asInt());
        assertEquals(Samples.NEW_PAT, env.get("data").get("token").asText(), "shown once, here");
        assertEquals(Samples.PAT_UUID, env.get("data").get("uuid").asText());
        assertTrue(env.get("warnings").get(0).asText().contains("shown this once"));
        String text = env.toString();
        assertEquals(text.indexOf(Samples.NEW_PAT), text.lastIndexOf(Samples.NEW_PAT), "exactly once");
        assertFalse(env.get("data").has("creator_ip"));
    }

    @Test
    void withoutExpiryTheFieldIsLeftOut() throws Exception {
        f.hub().on("POST", PATH).respond(201, Samples.PAT_CREATED);
        f.ok("create_pat", "{\"token_label\":\"x\",\"scopes\":[\"repo:public_read\",\"repo:write\"]}");
        assertEquals(Samples.JSON.readTree("{\"token_label\":\"x\",\"scopes\":[\"repo:public_read\",\"repo:write\"]}"),
            f.onlyRequest().json());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"scopes\":[\"repo:read\"]}|'token_label' is required",
        "{\"token_label\":\"x\"}|'scopes' is required",
        "{\"token_label\":\"x\",\"scopes\":[]}|'scopes' needs at least 1",
        "{\"token_label\":\"x\",\"scopes\":[\"repo:delete\"]}|'scopes[0]' must be one of repo:admin, repo:write, repo:read, repo:public_read",
        "{\"token_label\":\"x\",\"scopes\":\"repo:read\"}|'scopes' must be an array",
        "{\"token_label\":\"\",\"scopes\":[\"repo:read\"]}|'token_label' must be at least 1",
        "{\"token_label\":\"x\",\"scopes\":[\"repo:read\"],\"expires_at\":\"next year\"}|'expires_at' must be an ISO 8601",
        "{\"token_label\":\"x\",\"scopes\":[\"repo:read\"],\"expires_at\":\"2030-01-01T00:00:00\"}|'expires_at' must be an ISO 8601",
        "{\"token_label\":\"x\",\"scopes\":[\"repo:read\"],\"expires_at\":\"2025-01-01T00:00:00Z\"}|'expires_at' must be in the future"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("create_pat", args, message);
    }

    @Test
    void labelOver100IsRefused() {
        f.refusedBeforeNetwork("create_pat", "{\"token_label\":\"" + "l".repeat(101) + "\",\"scopes\":[\"repo:read\"]}",
            "'token_label' must be at most 100");
    }

    @Test
    void reMintsOnce() {
        f.hub().on("POST", PATH).respond(201, Samples.PAT_CREATED);
        f.reMintsAfter401("create_pat", ARGS, "POST", PATH);
    }

    @Test
    void notFound() {
        f.notFound("create_pat", ARGS, "POST", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("create_pat", ARGS, "POST", PATH, FakeResponse.json(201, Samples.PAT_CREATED));
    }
}
