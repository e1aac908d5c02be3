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
import static org.junit.jupiter.api.Assertions.assertTrue;

class SetImmutableTagsTest {
    private static final String PATH = "/v2/namespaces/alice/repositories/web/immutabletags";
    private static final String ARGS = "{\"namespace\":\"alice\",\"repository\":\"web\",\"immutable_tags\":true,"
        + "\"immutable_tags_rules\":[\"v.*\",\".*-RELEASE\"]}";
    private static final String ANSWER = Samples.REPOSITORY_INFO.replace(
        "\"immutable_tags_settings\":{\"enabled\":false,\"rules\":[]}",
        "\"immutable_tags_settings\":{\"enabled\":true,\"rules\":[\"v.*\",\".*-RELEASE\"]}");
    private final HubFixture f = HubFixture.start(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void patchesTheSpecBodyNotThePythonOne() throws Exception {
        f.hub().on("PATCH", PATH).respond(200, ANSWER);
        JsonNode data = f.ok("set_immutable_tags", ARGS);
        RecordedRequest r = f.onlyRequest();
        assertEquals("PATCH", r.method());
        assertEquals(PATH, r.path());
        HubFixture.assertNoQuery(r);
        assertEquals(Samples.JSON.readTree("{\"immutable_tags\":true,\"immutable_tags_rules\":[\"v.*\",\".*-RELEASE\"]}"),
            r.json());
        assertTrue(data.get("immutable_tags_settings").get("enabled").asBoolean());
        assertEquals("web", data.get("name").asText());
    }

    @Test
    void disablingSendsAnEmptyRuleListWhenAskedTo() throws Exception {
        f.hub().on("PATCH", PATH).respond(200, Samples.REPOSITORY_INFO);
        f.ok("set_immutable_tags", "{\"namespace\":\"alice\",\"repository\":\"web\",\"immutable_tags\":false,"
            + "\"immutable_tags_rules\":[]}");
        assertEquals(Samples.JSON.readTree("{\"immutable_tags\":false,\"immutable_tags_rules\":[]}"),
            f.onlyRequest().json());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"immutable_tags\":true}|'immutable_tags_rules' is required",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"immutable_tags_rules\":[]}|'immutable_tags' is required",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"immutable_tags\":true,\"immutable_tags_rules\":[\"v(\"]}|'immutable_tags_rules[0]' is not a valid regular expression",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"immutable_tags\":true,\"immutable_tags_rules\":[\"ok\",\"[a-\"]}|'immutable_tags_rules[1]'",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"immutable_tags\":true,\"immutable_tags_rules\":[\"\"]}|'immutable_tags_rules[0]' must be at least 1",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"immutable_tags\":true,\"immutable_tags_rules\":\"v.*\"}|'immutable_tags_rules' must be an array",
        "{\"repository\":\"web\",\"immutable_tags\":true,\"immutable_tags_rules\":[]}|'namespace' is required"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("set_immutable_tags", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("PATCH", PATH).respond(200, ANSWER);
        f.reMintsAfter401("set_immutable_tags", ARGS, "PATCH", PATH);
    }

    @Test
    void notFound() {
        f.notFound("set_immutable_tags", ARGS, "PATCH", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("set_immutable_tags", ARGS, "PATCH", PATH, FakeResponse.json(200, ANSWER));
    }
}
