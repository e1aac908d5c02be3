package dev.dockerhubmcp.plugins.repos;

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

class ListNamespacesTest {
    private static final String PATH = "/v2/user/orgs";
    private final HubFixture f = HubFixture.start(new ReposPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void listsOrgsWithPagingAndThePersonalNamespace() {
        f.hub().on("GET", PATH).respond(200, Samples.ORGS);
        JsonNode data = f.ok("list_namespaces", "{\"page\":2,\"page_size\":50}");
        RecordedRequest r = f.onlyRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.path());
        assertQuery(r, "page", "2");
        assertQuery(r, "page_size", "50");
        HubFixture.assertBearer(r);
        assertEquals("alice", data.get("personal").asText());
        assertEquals(1, data.get("count").asInt());
        JsonNode acme = data.get("results").get(0);
        assertEquals("acme", acme.get("name").asText());
        assertEquals("owner", acme.get("role").asText());
        assertEquals("team", acme.get("plan").asText());
        assertFalse(acme.has("gravatar_url"));
        assertFalse(acme.has("location"), "empty strings are dropped too");
    }

    @Test
    void defaultsSendPageOneAndPageSizeTen() {
        f.hub().on("GET", PATH).respond(200, Samples.ORGS);
        f.ok("list_namespaces", "{}");
        assertQuery(f.onlyRequest(), "page", "1");
        assertQuery(f.onlyRequest(), "page_size", "10");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"page\":0}|'page' must be at least 1",
        "{\"page_size\":1000}|'page_size' must be at most 100",
        "{\"namespace\":\"acme\"}|'namespace'"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("list_namespaces", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("GET", PATH).respond(200, Samples.ORGS);
        f.reMintsAfter401("list_namespaces", "{}", "GET", PATH);
    }

    @Test
    void notFound() {
        f.notFound("list_namespaces", "{\"page\":7}", "GET", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("list_namespaces", "{}", "GET", PATH, FakeResponse.json(200, Samples.ORGS));
    }
}
