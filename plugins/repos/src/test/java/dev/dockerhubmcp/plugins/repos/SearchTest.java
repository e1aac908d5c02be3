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

import static dev.dockerhubmcp.testkit.hub.HubFixture.assertQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTest {
    private static final String PATH = "/api/search/v4";
    private final HubFixture f = HubFixture.start(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void sendsQueryPagingAndFiltersAnonymously() {
        f.hub().on("GET", PATH).respond(200, Samples.SEARCH);
        JsonNode data = f.ok("search", """
            {"query":"postgres","from":20,"size":2,"type":"image","badges":["official","verified_publisher"],
             "categories":["databases"],"operating_systems":["linux"],"architectures":["amd64","arm64"],
             "sort":"pull_count","order":"desc"}""");
        RecordedRequest r = f.onlyRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.path());
        assertQuery(r, "query", "postgres");
        assertQuery(r, "from", "20");
        assertQuery(r, "size", "2");
        assertQuery(r, "type", "image");
        assertQuery(r, "badges", "official,verified_publisher");
        assertQuery(r, "categories", "databases");
        assertQuery(r, "operating_systems", "linux");
        assertQuery(r, "architectures", "amd64,arm64");
        assertQuery(r, "sort", "pull_count");
        assertQuery(r, "order", "desc");
        assertTrue(r.queryParam("extension_reviewed").isEmpty());
        assertTrue(r.header("authorization").isEmpty(), "search is anonymous even with credentials");
        assertEquals(0, f.hub().mintCount(), "no JWT minted for search");
        assertEquals(2, data.get("total").asInt());
        JsonNode pg = data.get("results").get(0);
        assertEquals("postgres", pg.get("name").asText());
        assertEquals("Docker Official Images", pg.get("publisher").asText());
        assertEquals("official", pg.get("badge").asText());
        assertEquals(14000, pg.get("star_count").asInt());
        assertEquals("1B+", pg.get("pull_count").asText());
        assertEquals("The PostgreSQL object-relational database.", pg.get("description").asText());
        assertFalse(pg.has("logo_url"));
        assertFalse(pg.has("architectures"));
        assertEquals("verified_publisher", data.get("results").get(1).get("badge").asText());
    }

    @Test
    void defaultsAreFromZeroSizeTen() {
        f.hub().on("GET", PATH).respond(200, Samples.SEARCH.replace("\"total\":2", "\"total\":50"));
        JsonNode data = f.ok("search", "{\"query\":\"postgres\"}");
        RecordedRequest r = f.onlyRequest();
        assertQuery(r, "from", "0");
        assertQuery(r, "size", "10");
        assertEquals(2, data.get("next_from").asInt());
    }

    @Test
    void verboseReturnsTheRawPayload() {
        f.hub().on("GET", PATH).respond(200, Samples.SEARCH);
        assertTrue(f.ok("search", "{\"query\":\"pg\",\"verbose\":true}").get("results").get(0).has("logo_url"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}|'query' is required",
        "{\"query\":\"\"}|'query' must be at least 1",
        "{\"query\":\"pg\",\"size\":101}|'size' must be at most 100",
        "{\"query\":\"pg\",\"size\":0}|'size' must be at least 1",
        "{\"query\":\"pg\",\"from\":-1}|'from' must be at least 0",
        "{\"query\":\"pg\",\"badges\":[\"gold\"]}|'badges[0]' must be one of",
        "{\"query\":\"pg\",\"type\":\"helm\"}|'type' must be one of",
        "{\"query\":\"pg\",\"sort\":\"stars\"}|'sort' must be one of",
        "{\"query\":\"pg\",\"order\":\"up\"}|'order' must be one of",
        "{\"query\":\"pg\",\"architectures\":[\"AMD64\"]}|'architectures[0]' does not match"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("search", args, message);
    }

    @Test
    void a401IsAnErrorWithoutAnyMint() {
        f.hub().on("GET", PATH).respond(401, "{\"message\":\"nope\"}");
        Result r = f.call("search", "{\"query\":\"pg\"}");
        assertEquals(ErrorType.UNAUTHORIZED, r.error().type());
        assertEquals(0, f.hub().mintCount());
        assertEquals(1, f.hub().requests("GET", PATH).size());
    }

    @Test
    void notFound() {
        f.notFound("search", "{\"query\":\"pg\"}", "GET", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("search", "{\"query\":\"pg\"}", "GET", PATH, FakeResponse.json(200, Samples.SEARCH));
    }
}
