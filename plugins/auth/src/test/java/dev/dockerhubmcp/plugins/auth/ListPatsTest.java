package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.JsonNode;
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

class ListPatsTest {
    private static final String PATH = "/v2/access-tokens";
    private final HubFixture f = HubFixture.start(new AuthPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void listsOnePageCompact() {
        f.hub().on("GET", PATH).respond(200, Samples.PAT_LIST);
        JsonNode data = f.ok("list_pats", "{\"page\":1,\"page_size\":10}");
        RecordedRequest r = f.onlyRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.path());
        assertQuery(r, "page", "1");
        assertQuery(r, "page_size", "10");
        HubFixture.assertBearer(r);
        assertEquals(11, data.get("count").asInt());
        assertEquals(9, data.get("active_count").asInt());
        assertEquals(2, data.get("next_page").asInt());
        JsonNode t = data.get("results").get(0);
        assertEquals(Samples.PAT_UUID, t.get("uuid").asText());
        assertEquals("[\"repo:read\"]", t.get("scopes").toString());
        assertFalse(t.has("creator_ip"));
        assertFalse(t.has("token"));
    }

    @Test
    void defaultsAndVerbose() {
        f.hub().on("GET", PATH).respond(200, Samples.PAT_LIST);
        JsonNode raw = f.ok("list_pats", "{\"verbose\":true,\"page_size\":100}");
        assertTrue(raw.get("results").get(0).has("creator_ip"));
        assertQuery(f.onlyRequest(), "page", "1");
        assertQuery(f.onlyRequest(), "page_size", "100");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"page\":0}|'page' must be at least 1",
        "{\"page_size\":101}|'page_size' must be at most 100",
        "{\"page_size\":0}|'page_size' must be at least 1",
        "{\"page\":\"first\"}|'page' must be an integer"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("list_pats", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("GET", PATH).respond(200, Samples.PAT_LIST);
        f.reMintsAfter401("list_pats", "{}", "GET", PATH);
    }

    @Test
    void notFound() {
        f.notFound("list_pats", "{\"page\":50}", "GET", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("list_pats", "{}", "GET", PATH, FakeResponse.json(200, Samples.PAT_LIST));
    }
}
