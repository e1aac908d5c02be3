package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GetOatTest {
    private static final String PATH = "/v2/orgs/acme/access-tokens/" + Samples.OAT_ID;
    private static final String ARGS = "{\"org\":\"acme\",\"id\":\"" + Samples.OAT_ID + "\"}";
    private final HubFixture f = HubFixture.start(new AuthPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void getsOneTokenWithItsResources() {
        f.hub().on("GET", PATH).respond(200, Samples.OAT);
        JsonNode data = f.ok("get_oat", ARGS);
        RecordedRequest r = f.onlyRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.path());
        HubFixture.assertNoQuery(r);
        assertEquals("acme/web", data.get("resources").get(0).get("path").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"org\":\"acme\"}|'id' is required",
        "{\"id\":\"a7a5ef25-8889-43a0-8cc7-f2a94268e861\"}|'org' is required",
        "{\"org\":\"acme\",\"id\":\"42\"}|'id' does not match"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("get_oat", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("GET", PATH).respond(200, Samples.OAT);
        f.reMintsAfter401("get_oat", ARGS, "GET", PATH);
    }

    @Test
    void notFound() {
        f.notFound("get_oat", ARGS, "GET", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("get_oat", ARGS, "GET", PATH, FakeResponse.json(200, Samples.OAT));
    }
}
