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

class DeleteOatTest {
    private static final String PATH = "/v2/orgs/acme/access-tokens/" + Samples.OAT_ID;
    private static final String ARGS = "{\"org\":\"acme\",\"id\":\"" + Samples.OAT_ID + "\"}";
    private final HubFixture f = HubFixture.destructive(new AuthPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void deletes() {
        f.hub().on("DELETE", PATH).respond(FakeResponse.status(204));
        Result r = f.call("delete_oat", ARGS);
        RecordedRequest req = f.onlyRequest();
        assertEquals("DELETE", req.method());
        assertEquals(PATH, req.path());
        assertTrue(f.envelope(r).get("data").get("deleted").asBoolean());
    }

    @Test
    void refusedWithoutAllowDestructive() {
        try (HubFixture gated = HubFixture.start(new AuthPlugin())) {
            gated.refusedAsDestructive("delete_oat", ARGS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"org\":\"acme\"}|'id' is required",
        "{\"id\":\"a7a5ef25-8889-43a0-8cc7-f2a94268e861\"}|'org' is required",
        "{\"org\":\"ac/me\",\"id\":\"a7a5ef25-8889-43a0-8cc7-f2a94268e861\"}|'org' does not match"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("delete_oat", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("DELETE", PATH).respond(FakeResponse.status(204));
        f.reMintsAfter401("delete_oat", ARGS, "DELETE", PATH);
    }

    @Test
    void notFound() {
        f.notFound("delete_oat", ARGS, "DELETE", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("delete_oat", ARGS, "DELETE", PATH, FakeResponse.status(204));
    }
}
