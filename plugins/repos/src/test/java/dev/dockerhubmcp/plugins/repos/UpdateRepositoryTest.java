package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UpdateRepositoryTest {
    private static final String PATH = "/v2/namespaces/alice/repositories/web";
    private static final String ARGS = "{\"namespace\":\"alice\",\"repository\":\"web\",\"description\":\"New\"}";
    private final HubFixture f = HubFixture.start(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void patchesOnlyTheFieldsGiven() throws Exception {
        f.hub().on("PATCH", PATH).respond(200, Samples.REPOSITORY_INFO);
        JsonNode data = f.ok("update", ARGS);
        RecordedRequest r = f.onlyRequest();
        assertEquals("PATCH", r.method());
        assertEquals(PATH, r.path());
        HubFixture.assertNoQuery(r);
        assertEquals(Samples.JSON.readTree("{\"description\":\"New\"}"), r.json());
        assertEquals("web", data.get("name").asText());
        f.hub().clearRequests();
        f.ok("update", "{\"namespace\":\"alice\",\"repository\":\"web\",\"description\":\"\",\"full_description\":\"# R\"}");
        assertEquals(Samples.JSON.readTree("{\"description\":\"\",\"full_description\":\"# R\"}"), f.onlyRequest().json());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"namespace\":\"alice\",\"repository\":\"web\"}|'description' and/or 'full_description'",
        "{\"namespace\":\"alice\",\"description\":\"x\"}|'repository' is required",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"status\":\"inactive\"}|'status'",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"is_private\":true}|'is_private'"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("update", args, message);
    }

    @Test
    void descriptionOver100IsRefused() {
        f.refusedBeforeNetwork("update", "{\"namespace\":\"alice\",\"repository\":\"web\",\"description\":\""
            + "d".repeat(101) + "\"}", "'description' must be at most 100");
    }

    @Test
    void reMintsOnce() {
        f.hub().on("PATCH", PATH).respond(200, Samples.REPOSITORY_INFO);
        f.reMintsAfter401("update", ARGS, "PATCH", PATH);
    }

    @Test
    void notFound() {
        f.notFound("update", ARGS, "PATCH", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("update", ARGS, "PATCH", PATH, FakeResponse.json(200, Samples.REPOSITORY_INFO));
    }
}
