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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GetRepositoryTest {
    private static final String PATH = "/v2/namespaces/alice/repositories/web";
    private final HubFixture f = HubFixture.start(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void getsOneRepositoryCompact() {
        f.hub().on("GET", PATH).respond(200, Samples.REPOSITORY_INFO);
        JsonNode data = f.ok("get", "{\"namespace\":\"alice\",\"repository\":\"web\"}");
        RecordedRequest r = f.onlyRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.path());
        HubFixture.assertNoQuery(r);
        assertEquals("web", data.get("name").asText());
        assertEquals("active", data.get("status").asText());
        assertFalse(data.get("immutable_tags_settings").get("enabled").asBoolean());
        assertTrue(data.get("permissions").get("admin").asBoolean());
        assertEquals("Web servers", data.get("categories").get(0).asText());
        assertFalse(data.has("hub_user"));
        assertFalse(data.has("media_types"));
    }

    @Test
    void namespaceDefaultsToLibrary() {
        f.hub().on("GET", "/v2/namespaces/library/repositories/nginx").respond(200, Samples.REPOSITORY_INFO);
        f.ok("get", "{\"repository\":\"nginx\"}");
        assertEquals("/v2/namespaces/library/repositories/nginx", f.onlyRequest().path());
    }

    @Test
    void longOverviewIsCutUnlessVerbose() {
        String longReadme = "x".repeat(5000);
        f.hub().on("GET", PATH).respond(200, Samples.REPOSITORY_INFO.replace("# web\\nThe front end.", longReadme));
        JsonNode compact = f.ok("get", "{\"namespace\":\"alice\",\"repository\":\"web\"}");
        assertEquals(Compact.FULL_DESCRIPTION_CHARS, compact.get("full_description").asText().length());
        assertTrue(compact.get("full_description_truncated").asBoolean());
        assertEquals(5000, compact.get("full_description_length").asInt());
        JsonNode raw = f.ok("get", "{\"namespace\":\"alice\",\"repository\":\"web\",\"verbose\":true}");
        assertEquals(5000, raw.get("full_description").asText().length());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"namespace\":\"alice\"}|'repository' is required",
        "{\"namespace\":\"alice\",\"repository\":\"Web\"}|'repository' does not match",
        "{\"namespace\":\"alice\",\"repository\":\"../x\"}|'repository' does not match",
        "{\"namespace\":\"alice\",\"repository\":\"web:latest\"}|'repository' does not match",
        "{\"namespace\":\"-alice\",\"repository\":\"web\"}|'namespace' does not match"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("get", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("GET", PATH).respond(200, Samples.REPOSITORY_INFO);
        f.reMintsAfter401("get", "{\"namespace\":\"alice\",\"repository\":\"web\"}", "GET", PATH);
    }

    @Test
    void notFound() {
        f.notFound("get", "{\"namespace\":\"alice\",\"repository\":\"web\"}", "GET", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("get", "{\"namespace\":\"alice\",\"repository\":\"web\"}", "GET", PATH,
            FakeResponse.json(200, Samples.REPOSITORY_INFO));
    }
}
