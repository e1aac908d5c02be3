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

class ListOatsTest {
    private static final String PATH = "/v2/orgs/acme/access-tokens";
    private final HubFixture f = HubFixture.start(new AuthPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void listsWithTotalNotCount() {
        f.hub().on("GET", PATH).respond(200, Samples.OAT_LIST);
        JsonNode data = f.ok("list_oats", "{\"org\":\"acme\",\"page\":1,\"page_size\":1}");
        RecordedRequest r = f.onlyRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.path());
        assertQuery(r, "page", "1");
        assertQuery(r, "page_size", "1");
        assertEquals(3, data.get("total").asInt());
        assertEquals(2, data.get("next_page").asInt());
        assertEquals(Samples.OAT_ID, data.get("results").get(0).get("id").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}|'org' is required",
        "{\"org\":\"ACME\"}|'org' does not match",
        "{\"org\":\"acme\",\"page_size\":200}|'page_size' must be at most 100",
        "{\"org\":\"acme\",\"page\":0}|'page' must be at least 1"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("list_oats", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("GET", PATH).respond(200, Samples.OAT_LIST);
        f.reMintsAfter401("list_oats", "{\"org\":\"acme\"}", "GET", PATH);
    }

    @Test
    void notFound() {
        f.notFound("list_oats", "{\"org\":\"acme\"}", "GET", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("list_oats", "{\"org\":\"acme\"}", "GET", PATH, FakeResponse.json(200, Samples.OAT_LIST));
    }
}
