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

class ListTagsTest {
    private static final String PATH = "/v2/namespaces/alice/repositories/web/tags";
    private static final String ARGS = "{\"namespace\":\"alice\",\"repository\":\"web\"}";
    private static final String AMD64_ONLY = Samples.TAG.replace("\"name\":\"1.0\"", "\"name\":\"amd\"")
        .replaceFirst("\\{\"architecture\":\"arm\"[^}]*}", "{\"architecture\":\"amd64\",\"os\":\"windows\"}");
    private final HubFixture f = HubFixture.start(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void sendsPageAndPageSizeAndReturnsCompactTags() {
        f.hub().on("GET", PATH).respond(200, Samples.tagList(Samples.TAG));
        JsonNode data = f.ok("list_tags", "{\"namespace\":\"alice\",\"repository\":\"web\",\"page\":3,"
            + "\"page_size\":50}");
        RecordedRequest r = f.onlyRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.path());
        assertQuery(r, "page", "3");
        assertQuery(r, "page_size", "50");
        assertEquals(List.of(), r.queryParams("architecture"), "architecture is filtered here, not sent");
        JsonNode tag = data.get("results").get(0);
        assertEquals("1.0", tag.get("name").asText());
        assertEquals("sha256:" + "c".repeat(64), tag.get("digest").asText());
        assertEquals(71234567, tag.get("size").asLong());
        assertEquals("2025-01-20T10:30:00Z", tag.get("last_pushed").asText());
        assertEquals("active", tag.get("status").asText());
        assertEquals("[\"linux/amd64\",\"linux/arm/v7\"]", tag.get("platforms").toString());
        assertFalse(tag.has("images"));
        assertFalse(tag.has("creator"));
    }

    @Test
    void defaultsSendPageOneAndPageSizeTen() {
        f.hub().on("GET", "/v2/namespaces/library/repositories/nginx/tags").respond(200, Samples.tagList());
        f.ok("list_tags", "{\"repository\":\"nginx\"}");
        RecordedRequest r = f.onlyRequest();
        assertQuery(r, "page", "1");
        assertQuery(r, "page_size", "10");
    }

    @Test
    void filtersByArchitectureOsAndVariantClientSide() {
        f.hub().on("GET", PATH).respond(200, Samples.tagList(Samples.TAG, AMD64_ONLY));
        JsonNode arm = f.ok("list_tags", ARGS.replace("}", ",\"architecture\":\"arm\"}"));
        assertEquals(List.of("1.0"), names(arm));
        assertEquals(2, arm.get("filtered").get("scanned").asInt());
        assertEquals(1, arm.get("filtered").get("matched").asInt());
        assertEquals(List.of("1.0"), names(f.ok("list_tags", ARGS.replace("}", ",\"architecture\":\"arm/v7\"}"))));
        assertEquals(List.of(), names(f.ok("list_tags", ARGS.replace("}", ",\"architecture\":\"arm/v6\"}"))));
        assertEquals(List.of("amd"), names(f.ok("list_tags", ARGS.replace("}", ",\"os\":\"windows\"}"))));
        assertEquals(List.of("1.0", "amd"), names(f.ok("list_tags", ARGS.replace("}",
            ",\"architecture\":\"amd64\",\"os\":\"linux\"}"))));
        assertEquals(List.of("amd"), names(f.ok("list_tags", ARGS.replace("}",
            ",\"architecture\":\"amd64\",\"os\":\"windows\"}"))));
    }

    @Test
    void allPagesWithAFilterKeepsReadingUntilTheEnd() {
        f.hub().on("GET", PATH).handle(req -> {
            int page = Integer.parseInt(req.queryParam("page").orElseThrow());
            String tag = page == 2 ? Samples.TAG : AMD64_ONLY;
            String next = page < 3 ? "\"https://hub.docker.com" + PATH + "?page=" + (page + 1) + "&page_size=1\"" : "null";
            return FakeResponse.json(200, "{\"count\":3,\"next\":" + next + ",\"results\":[" + tag + "]}");
        });
        JsonNode data = f.ok("list_tags", ARGS.replace("}", ",\"all_pages\":true,\"page_size\":1,\"architecture\":\"arm\"}"));
        assertEquals(List.of("1.0"), names(data));
        assertEquals(3, data.get("filtered").get("scanned").asInt());
        assertEquals(List.of("1", "2", "3"), f.hub().requests("GET", PATH).stream()
            .map(r -> r.queryParam("page").orElseThrow()).toList());
        f.hub().requests("GET", PATH).forEach(r -> assertQuery(r, "page_size", "1"));
    }

    @Test
    void allPagesDefaultsToPagesOfOneHundred() {
        f.hub().on("GET", PATH).respond(200, Samples.tagList(Samples.TAG));
        f.ok("list_tags", ARGS.replace("}", ",\"all_pages\":true}"));
        assertQuery(f.onlyRequest(), "page_size", "100");
    }

    @Test
    void nextPageIsReported() {
        f.hub().on("GET", PATH).respond(200, "{\"count\":30,\"next\":\"https://hub.docker.com" + PATH
            + "?page=3&page_size=10\",\"results\":[" + Samples.TAG + "]}");
        JsonNode data = f.ok("list_tags", ARGS.replace("}", ",\"page\":2}"));
        assertEquals(3, data.get("next_page").asInt());
        assertEquals(30, data.get("count").asInt());
    }

    @Test
    void verboseReturnsRawTags() {
        f.hub().on("GET", PATH).respond(200, Samples.tagList(Samples.TAG));
        JsonNode data = f.ok("list_tags", ARGS.replace("}", ",\"verbose\":true}"));
        assertTrue(data.get("results").get(0).has("images"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"namespace\":\"alice\"}|'repository' is required",
        "{\"repository\":\"web\",\"page_size\":500}|'page_size' must be at most 100",
        "{\"repository\":\"web\",\"page_size\":-1}|'page_size' must be at least 1",
        "{\"repository\":\"web\",\"page\":\"two\"}|'page' must be an integer",
        "{\"repository\":\"web\",\"architecture\":\"ARM64\"}|'architecture' does not match",
        "{\"repository\":\"web\",\"architecture\":\"arm/7\"}|'architecture' does not match",
        "{\"repository\":\"web\",\"os\":\"linux amd64\"}|'os' does not match",
        "{\"repository\":\"web\",\"max_items\":0}|'max_items' must be at least 1",
        "{\"repository\":\"web\",\"all_pages\":\"yes\"}|'all_pages' must be true or false"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("list_tags", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("GET", PATH).respond(200, Samples.tagList(Samples.TAG));
        f.reMintsAfter401("list_tags", ARGS, "GET", PATH);
    }

    @Test
    void notFound() {
        f.notFound("list_tags", ARGS, "GET", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("list_tags", ARGS, "GET", PATH, FakeResponse.json(200, Samples.tagList(Samples.TAG)));
    }

    private static List<String> names(JsonNode data) {
        return java.util.stream.StreamSupport.stream(data.get("results").spliterator(), false)
            .map(t -> t.get("name").asText()).toList();
    }
}
