package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.dockerhubmcp.testkit.hub.HubFixture.assertQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListRepositoriesTest {
    private static final String PATH = "/v2/namespaces/alice/repositories";
    private final HubFixture f = HubFixture.start(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void sendsEveryFilterAndReturnsCompactEntries() {
        f.hub().on("GET", PATH).respond(200, Samples.REPOSITORY_LIST);
        JsonNode data = f.ok("list", """
            {"namespace":"alice","name":"we","ordering":"-pull_count","page":2,"page_size":25,
             "media_types":["application/vnd.oci.image.index.v1+json","application/vnd.docker.distribution.manifest.list.v2+json"],
             "content_types":["image","helm"]}""");
        RecordedRequest r = f.onlyRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.path());
        assertQuery(r, "page", "2");
        assertQuery(r, "page_size", "25");
        assertQuery(r, "name", "we");
        assertQuery(r, "ordering", "-pull_count");
        assertQuery(r, "media_types", "application/vnd.oci.image.index.v1+json,"
            + "application/vnd.docker.distribution.manifest.list.v2+json");
        assertQuery(r, "content_types", "image,helm");
        HubFixture.assertBearer(r);
        assertEquals(2, data.get("count").asInt());
        assertEquals(2, data.get("page").asInt());
        JsonNode web = data.get("results").get(0);
        assertEquals("web", web.get("name").asText());
        assertEquals("active", web.get("status").asText());
        assertEquals(1234, web.get("pull_count").asLong());
        assertFalse(web.has("media_types"), "compact drops media_types");
        assertFalse(data.get("results").get(1).has("description"), "null description is dropped");
    }

    @Test
    void defaultsSendPageOneAndPageSizeTen() {
        f.hub().on("GET", PATH).respond(200, Samples.REPOSITORY_LIST);
        f.ok("list", "{\"namespace\":\"alice\"}");
        RecordedRequest r = f.onlyRequest();
        assertQuery(r, "page", "1");
        assertQuery(r, "page_size", "10");
        assertTrue(r.queryParam("media_types").isEmpty());
    }

    @Test
    void verboseReturnsTheRawRecords() {
        f.hub().on("GET", PATH).respond(200, Samples.REPOSITORY_LIST);
        JsonNode data = f.ok("list", "{\"namespace\":\"alice\",\"verbose\":true}");
        assertTrue(data.get("results").get(0).has("media_types"));
    }

    @Test
    void allPagesFollowsNextUpToMaxItems() {
        f.hub().on("GET", PATH).handle(req -> {
            int page = Integer.parseInt(req.queryParam("page").orElse("1"));
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 2; i++) {
                items.append(i == 0 ? "" : ",").append("{\"name\":\"r").append(page).append('-').append(i)
                    .append("\",\"namespace\":\"alice\"}");
            }
            String next = page < 3 ? "\"https://hub.docker.com" + PATH + "?page=" + (page + 1) + "&page_size=2\"" : "null";
            return FakeResponse.json(200, "{\"count\":6,\"next\":" + next + ",\"results\":[" + items + "]}");
        });
        JsonNode all = f.ok("list", "{\"namespace\":\"alice\",\"all_pages\":true,\"page_size\":2}");
        assertEquals(6, all.get("results").size());
        assertFalse(all.has("next_page"));
        assertEquals(List.of("1", "2", "3"), f.hub().requests("GET", PATH).stream()
            .map(r -> r.queryParam("page").orElseThrow()).toList());
        f.hub().clearRequests();
        JsonNode some = f.ok("list", "{\"namespace\":\"alice\",\"all_pages\":true,\"page_size\":2,\"max_items\":3}");
        assertEquals(3, some.get("results").size());
        assertTrue(some.get("truncated").asBoolean());
        assertEquals(2, some.get("next_page").asInt(), "the cut page is where to resume");
        assertEquals(2, f.hub().requests("GET", PATH).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}|'namespace' is required",
        "{\"namespace\":\"Alice\"}|'namespace'",
        "{\"namespace\":\"a/b\"}|'namespace'",
        "{\"namespace\":\"alice\",\"page\":0}|'page' must be at least 1",
        "{\"namespace\":\"alice\",\"page_size\":101}|'page_size' must be at most 100",
        "{\"namespace\":\"alice\",\"page_size\":0}|'page_size' must be at least 1",
        "{\"namespace\":\"alice\",\"ordering\":\"stars\"}|'ordering' must be one of",
        "{\"namespace\":\"alice\",\"media_types\":\"image\"}|'media_types' must be an array",
        "{\"namespace\":\"alice\",\"content_types\":[\"a b\"]}|'content_types[0]'",
        "{\"namespace\":\"alice\",\"max_items\":10001}|'max_items'",
        "{\"namespace\":\"alice\",\"colour\":\"red\"}|'colour'"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("list", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("GET", PATH).respond(200, Samples.REPOSITORY_LIST);
        f.reMintsAfter401("list", "{\"namespace\":\"alice\"}", "GET", PATH);
    }

    @Test
    void notFound() {
        f.notFound("list", "{\"namespace\":\"alice\",\"page\":9}", "GET", PATH);
    }

    @Test
    void retriesAfter429() {
        JsonNode data = f.retriesAfter429("list", "{\"namespace\":\"alice\"}", "GET", PATH,
            FakeResponse.json(200, Samples.REPOSITORY_LIST));
        assertEquals(2, data.get("results").size());
    }
}
