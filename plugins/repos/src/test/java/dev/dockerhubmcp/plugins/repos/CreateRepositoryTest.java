package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CreateRepositoryTest {
    private static final String PATH = "/v2/namespaces/alice/repositories";
    private final HubFixture f = HubFixture.start(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void postsTheSpecBody() throws Exception {
        f.hub().on("POST", PATH).respond(201, Samples.REPOSITORY_INFO);
        Result r = f.call("create", """
            {"namespace":"alice","name":"web","description":"Web front end","full_description":"# web",
             "is_private":true}""");
        JsonNode data = f.envelope(r).get("data");
        assertEquals(201, r.statusCode());
        RecordedRequest req = f.onlyRequest();
        assertEquals("POST", req.method());
        assertEquals(PATH, req.path());
        HubFixture.assertNoQuery(req);
        assertEquals(Samples.JSON.readTree("""
            {"name":"web","namespace":"alice","description":"Web front end","full_description":"# web",
             "registry":"docker.io","is_private":true}"""), req.json());
        assertEquals("web", data.get("name").asText());
        assertEquals("alice", data.get("namespace").asText());
    }

    @Test
    void minimalBodySendsDefaults() throws Exception {
        f.hub().on("POST", PATH).respond(201, Samples.REPOSITORY_INFO);
        f.ok("create", "{\"namespace\":\"alice\",\"name\":\"web\"}");
        assertEquals(Samples.JSON.readTree("{\"name\":\"web\",\"namespace\":\"alice\",\"registry\":\"docker.io\","
            + "\"is_private\":false}"), f.onlyRequest().json());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"namespace\":\"alice\"}|'name' is required",
        "{\"name\":\"web\"}|'namespace' is required",
        "{\"namespace\":\"alice\",\"name\":\"w\"}|'name' must be at least 2",
        "{\"namespace\":\"alice\",\"name\":\"Web\"}|'name' does not match",
        "{\"namespace\":\"alice\",\"name\":\"we--b\"}|'name' does not match",
        "{\"namespace\":\"alice\",\"name\":\"web-\"}|'name' does not match",
        "{\"namespace\":\"alice\",\"name\":\"web\",\"registry\":\"ghcr.io\"}|'registry' must be one of",
        "{\"namespace\":\"alice\",\"name\":\"web\",\"is_private\":\"maybe\"}|'is_private' must be true or false"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("create", args, message);
    }

    @Test
    void descriptionLongerThan100IsRefused() {
        f.refusedBeforeNetwork("create", "{\"namespace\":\"alice\",\"name\":\"web\",\"description\":\""
            + "x".repeat(101) + "\"}", "'description' must be at most 100");
        f.refusedBeforeNetwork("create", "{\"namespace\":\"alice\",\"name\":\"web\",\"full_description\":\""
            + "x".repeat(25_001) + "\"}", "'full_description' must be at most 25000");
    }

    @Test
    void reMintsOnce() {
        f.hub().on("POST", PATH).respond(201, Samples.REPOSITORY_INFO);
        f.reMintsAfter401("create", "{\"namespace\":\"alice\",\"name\":\"web\"}", "POST", PATH);
    }

    @Test
    void notFound() {
        f.notFound("create", "{\"namespace\":\"alice\",\"name\":\"web\"}", "POST", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("create", "{\"namespace\":\"alice\",\"name\":\"web\"}", "POST", PATH,
            FakeResponse.json(201, Samples.REPOSITORY_INFO));
    }

    @Test
    void nameTakenIsAConflict() {
        f.hub().on("POST", PATH).respond(409, "{\"message\":\"repository already exists\"}");
        Result r = f.call("create", "{\"namespace\":\"alice\",\"name\":\"web\"}");
        assertEquals(ErrorType.CONFLICT, r.error().type());
    }
}
