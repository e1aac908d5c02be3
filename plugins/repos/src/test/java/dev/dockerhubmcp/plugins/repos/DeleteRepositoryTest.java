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

class DeleteRepositoryTest {
    private static final String PATH = "/v2/repositories/alice/web/";
    private static final String ARGS = "{\"namespace\":\"alice\",\"repository\":\"web\"}";
    private final HubFixture f = HubFixture.destructive(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void deletesWithTheTrailingSlash() {
        f.hub().on("DELETE", PATH).respond(FakeResponse.status(202));
        Result r = f.call("delete", ARGS);
        JsonNode data = f.envelope(r).get("data");
        RecordedRequest req = f.onlyRequest();
        assertEquals("DELETE", req.method());
        assertEquals(PATH, req.path());
        HubFixture.assertNoQuery(req);
        assertTrue(data.get("deleted").asBoolean());
        assertEquals("alice/web", data.get("repository").asText());
    }

    @Test
    void refusedWithoutAllowDestructive() {
        try (HubFixture gated = HubFixture.start(new ReposPlugin())) {
            gated.hub().on("DELETE", PATH).respond(FakeResponse.status(202));
            gated.refusedAsDestructive("delete", ARGS);
        }
    }

    @Test
    void refusedInReadOnlyModeEvenWhenDestructiveIsAllowed() {
        try (var hub = dev.dockerhubmcp.testkit.FakeHub.start().user(HubFixture.USER, HubFixture.PAT);
             var h = dev.dockerhubmcp.testkit.ActionHarness.builder().hub(hub.url())
                 .credentials(HubFixture.USER, HubFixture.PAT).allowDestructive(true).readOnly(true).build()) {
            Result r = h.call(new ReposPlugin(), "delete", ARGS);
            assertEquals(dev.dockerhubmcp.api.ErrorType.READ_ONLY, r.error().type());
            assertEquals(0, hub.requests().size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"namespace\":\"alice\"}|'repository' is required",
        "{\"repository\":\"web\"}|'namespace' is required",
        "{\"namespace\":\"alice\",\"repository\":\"web/tags\"}|'repository' does not match"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("delete", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("DELETE", PATH).respond(FakeResponse.status(202));
        f.reMintsAfter401("delete", ARGS, "DELETE", PATH);
    }

    @Test
    void notFound() {
        f.notFound("delete", ARGS, "DELETE", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("delete", ARGS, "DELETE", PATH, FakeResponse.status(202));
    }
}
