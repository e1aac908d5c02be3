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

class GetTagTest {
    private static final String PATH = "/v2/namespaces/alice/repositories/web/tags/1.0";
    private static final String ARGS = "{\"namespace\":\"alice\",\"repository\":\"web\",\"tag\":\"1.0\"}";
    private final HubFixture f = HubFixture.start(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void getsOneTagWithItsPlatformImages() {
        f.hub().on("GET", PATH).respond(200, Samples.TAG);
        JsonNode data = f.ok("get_tag", ARGS);
        RecordedRequest r = f.onlyRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.path());
        HubFixture.assertNoQuery(r);
        assertEquals("1.0", data.get("name").asText());
        assertEquals("sha256:" + "c".repeat(64), data.get("digest").asText());
        assertEquals(71234567, data.get("size").asLong());
        assertEquals("2025-01-20T10:30:00Z", data.get("last_pushed").asText());
        assertEquals("linux/arm/v7", data.get("images").get(1).get("platform").asText());
        assertEquals("sha256:" + "b".repeat(64), data.get("images").get(1).get("digest").asText());
        assertFalse(data.has("creator"));
        assertTrue(f.ok("get_tag", ARGS.replace("}", ",\"verbose\":true}")).has("creator"));
    }

    @Test
    void tagNamesAreEncodedNotInterpreted() {
        f.hub().on("GET", "/v2/namespaces/library/repositories/nginx/tags/1.27-alpine_x").respond(200, Samples.TAG);
        f.ok("get_tag", "{\"repository\":\"nginx\",\"tag\":\"1.27-alpine_x\"}");
        assertEquals("/v2/namespaces/library/repositories/nginx/tags/1.27-alpine_x", f.onlyRequest().path());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"namespace\":\"alice\",\"repository\":\"web\"}|'tag' is required",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"tag\":\"..\"}|'tag' does not match",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"tag\":\"-x\"}|'tag' does not match",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"tag\":\"v1?x=1\"}|'tag' does not match",
        "{\"namespace\":\"alice\",\"repository\":\"web/x\",\"tag\":\"v1\"}|'repository' does not match"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("get_tag", args, message);
    }

    @Test
    void tagLongerThan128IsRefused() {
        f.refusedBeforeNetwork("get_tag", "{\"repository\":\"web\",\"tag\":\"" + "a".repeat(129) + "\"}", "'tag'");
    }

    @Test
    void reMintsOnce() {
        f.hub().on("GET", PATH).respond(200, Samples.TAG);
        f.reMintsAfter401("get_tag", ARGS, "GET", PATH);
    }

    @Test
    void notFound() {
        f.notFound("get_tag", ARGS, "GET", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("get_tag", ARGS, "GET", PATH, FakeResponse.json(200, Samples.TAG));
    }
}
