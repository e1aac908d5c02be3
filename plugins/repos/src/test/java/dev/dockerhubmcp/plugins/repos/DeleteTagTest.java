package dev.dockerhubmcp.plugins.repos;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleteTagTest {
    private static final String PATH = "/v2/repositories/alice/web/tags/1.0/";
    private static final String ARGS = "{\"namespace\":\"alice\",\"repository\":\"web\",\"tag\":\"1.0\"}";
    private final HubFixture f = HubFixture.destructive(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void deletesWithTheTrailingSlash() {
        f.hub().on("DELETE", PATH).respond(FakeResponse.status(204));
        Result r = f.call("delete_tag", ARGS);
        JsonNode data = f.envelope(r).get("data");
        RecordedRequest req = f.onlyRequest();
        assertEquals("DELETE", req.method());
        assertEquals(PATH, req.path());
        HubFixture.assertNoQuery(req);
        assertEquals(0, req.body().length);
        assertEquals(204, r.statusCode());
        assertTrue(data.get("deleted").asBoolean());
    }

    @Test
    void refusedWithoutAllowDestructive() {
        try (HubFixture gated = HubFixture.start(new ReposPlugin())) {
            gated.hub().on("DELETE", PATH).respond(FakeResponse.status(204));
            gated.refusedAsDestructive("delete_tag", ARGS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"namespace\":\"alice\",\"repository\":\"web\"}|'tag' is required",
        "{\"repository\":\"web\",\"tag\":\"1.0\"}|'namespace' is required",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"tag\":\"../..\"}|'tag' does not match",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"tag\":\"*\"}|'tag' does not match"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("delete_tag", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("DELETE", PATH).respond(FakeResponse.status(204));
        f.reMintsAfter401("delete_tag", ARGS, "DELETE", PATH);
    }

    @Test
    void notFound() {
        f.notFound("delete_tag", ARGS, "DELETE", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("delete_tag", ARGS, "DELETE", PATH, FakeResponse.status(204));
    }
}
