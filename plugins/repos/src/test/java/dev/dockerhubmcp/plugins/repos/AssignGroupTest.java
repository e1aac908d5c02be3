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

class AssignGroupTest {
    private static final String PATH = "/v2/repositories/acme/web/groups";
    private static final String ARGS = "{\"namespace\":\"acme\",\"repository\":\"web\",\"group_id\":12345,"
        + "\"permission\":\"write\"}";
    private static final String ANSWER = "{\"group_name\":\"developers\",\"permission\":\"write\",\"group_id\":12345}";
    private final HubFixture f = HubFixture.start(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void postsGroupIdAndPermission() throws Exception {
        f.hub().on("POST", PATH).respond(200, ANSWER);
        JsonNode data = f.ok("assign_group", ARGS);
        RecordedRequest r = f.onlyRequest();
        assertEquals("POST", r.method());
        assertEquals(PATH, r.path());
        HubFixture.assertNoQuery(r);
        assertEquals(Samples.JSON.readTree("{\"group_id\":12345,\"permission\":\"write\"}"), r.json());
        assertEquals("developers", data.get("group_name").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"namespace\":\"acme\",\"repository\":\"web\",\"permission\":\"write\"}|'group_id' is required",
        "{\"namespace\":\"acme\",\"repository\":\"web\",\"group_id\":0,\"permission\":\"write\"}|'group_id' must be at least 1",
        "{\"namespace\":\"acme\",\"repository\":\"web\",\"group_id\":\"devs\",\"permission\":\"write\"}|'group_id' must be an integer",
        "{\"namespace\":\"acme\",\"repository\":\"web\",\"group_id\":1,\"permission\":\"owner\"}|'permission' must be one of read, write, admin",
        "{\"namespace\":\"acme\",\"repository\":\"web\",\"group_id\":1}|'permission' is required"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("assign_group", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("POST", PATH).respond(200, ANSWER);
        f.reMintsAfter401("assign_group", ARGS, "POST", PATH);
    }

    @Test
    void notFound() {
        f.notFound("assign_group", ARGS, "POST", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("assign_group", ARGS, "POST", PATH, FakeResponse.json(200, ANSWER));
    }
}
