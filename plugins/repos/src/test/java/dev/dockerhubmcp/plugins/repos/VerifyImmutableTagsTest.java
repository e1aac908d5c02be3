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

class VerifyImmutableTagsTest {
    private static final String PATH = "/v2/namespaces/alice/repositories/web/immutabletags/verify";
    private static final String ARGS = "{\"namespace\":\"alice\",\"repository\":\"web\",\"regex\":\"v.*\"}";
    private static final String ANSWER = "{\"tags\":[\"v1.0.0\",\"v2.1.3\"]}";
    private final HubFixture f = HubFixture.start(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void postsRegexAndReturnsTheMatchingTags() throws Exception {
        f.hub().on("POST", PATH).respond(200, ANSWER);
        JsonNode data = f.ok("verify_immutable_tags", ARGS);
        RecordedRequest r = f.onlyRequest();
        assertEquals("POST", r.method());
        assertEquals(PATH, r.path());
        HubFixture.assertNoQuery(r);
        assertEquals(Samples.JSON.readTree("{\"regex\":\"v.*\"}"), r.json());
        assertEquals("[\"v1.0.0\",\"v2.1.3\"]", data.get("tags").toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"namespace\":\"alice\",\"repository\":\"web\"}|'regex' is required",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"regex\":\"\"}|'regex' must be at least 1",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"regex\":\"*v\"}|'regex' is not a valid regular expression",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"rule\":\"v.*\"}|'rule'"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("verify_immutable_tags", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("POST", PATH).respond(200, ANSWER);
        f.reMintsAfter401("verify_immutable_tags", ARGS, "POST", PATH);
    }

    @Test
    void notFound() {
        f.notFound("verify_immutable_tags", ARGS, "POST", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("verify_immutable_tags", ARGS, "POST", PATH, FakeResponse.json(200, ANSWER));
    }
}
