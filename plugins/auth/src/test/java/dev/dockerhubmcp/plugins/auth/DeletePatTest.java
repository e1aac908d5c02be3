package dev.dockerhubmcp.plugins.auth;

import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeletePatTest {
    private static final String PATH = "/v2/access-tokens/" + Samples.PAT_UUID;
    private static final String ARGS = "{\"uuid\":\"" + Samples.PAT_UUID + "\"}";
    private final HubFixture f = HubFixture.destructive(new AuthPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void deletes() {
        f.hub().on("DELETE", PATH).respond(FakeResponse.status(204));
        Result r = f.call("delete_pat", ARGS);
        RecordedRequest req = f.onlyRequest();
        assertEquals("DELETE", req.method());
        assertEquals(PATH, req.path());
        assertEquals(0, req.body().length);
        assertEquals(204, r.statusCode());
        assertTrue(f.envelope(r).get("data").get("deleted").asBoolean());
    }

    @Test
    void refusedWithoutAllowDestructive() {
        try (HubFixture gated = HubFixture.start(new AuthPlugin())) {
            gated.refusedAsDestructive("delete_pat", ARGS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"{}|'uuid' is required", "{\"uuid\":\"*\"}|'uuid' does not match"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("delete_pat", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("DELETE", PATH).respond(FakeResponse.status(204));
        f.reMintsAfter401("delete_pat", ARGS, "DELETE", PATH);
    }

    @Test
    void notFound() {
        f.notFound("delete_pat", ARGS, "DELETE", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("delete_pat", ARGS, "DELETE", PATH, FakeResponse.status(204));
    }
}
