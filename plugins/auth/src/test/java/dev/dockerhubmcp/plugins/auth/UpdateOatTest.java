package dev.dockerhubmcp.plugins.auth;

import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UpdateOatTest {
    private static final String PATH = "/v2/orgs/acme/access-tokens/" + Samples.OAT_ID;
    private static final String RELABEL = "{\"org\":\"acme\",\"id\":\"" + Samples.OAT_ID + "\",\"label\":\"ci-2\","
        + "\"resources\":[{\"type\":\"TYPE_ORG\",\"path\":\"acme\",\"scopes\":[\"member-read\"]}]}";
    private static final String DEACTIVATE = "{\"org\":\"acme\",\"id\":\"" + Samples.OAT_ID + "\",\"is_active\":false}";
    private final HubFixture f = HubFixture.start(new AuthPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void patchesOnlyTheFieldsGiven() throws Exception {
        f.hub().on("PATCH", PATH).respond(200, Samples.OAT);
        f.ok("update_oat", RELABEL);
        RecordedRequest r = f.onlyRequest();
        assertEquals("PATCH", r.method());
        assertEquals(PATH, r.path());
        assertEquals(Samples.JSON.readTree("{\"label\":\"ci-2\",\"resources\":[{\"type\":\"TYPE_ORG\",\"path\":\"acme\","
            + "\"scopes\":[\"member-read\"]}]}"), r.json());
    }

    @Test
    void deactivatingIsDestructive() throws Exception {
        f.refusedAsDestructive("update_oat", DEACTIVATE);
        try (HubFixture allowed = HubFixture.destructive(new AuthPlugin())) {
            allowed.hub().on("PATCH", PATH).respond(200, Samples.OAT);
            allowed.ok("update_oat", DEACTIVATE);
            assertEquals(Samples.JSON.readTree("{\"is_active\":false}"), allowed.onlyRequest().json());
        }
    }

    @Test
    void strippingEveryResourceIsDestructive() throws Exception {
        String strip = "{\"org\":\"acme\",\"id\":\"" + Samples.OAT_ID + "\",\"resources\":[]}";
        f.refusedAsDestructive("update_oat", strip);
        f.refusedAsDestructive("update_oat", "{\"org\":\"acme\",\"id\":\"" + Samples.OAT_ID + "\",\"label\":\"x\","
            + "\"is_active\":true,\"resources\":[]}");
        try (HubFixture allowed = HubFixture.destructive(new AuthPlugin())) {
            allowed.hub().on("PATCH", PATH).respond(200, Samples.OAT);
            allowed.ok("update_oat", strip);
            assertEquals(Samples.JSON.readTree("{\"resources\":[]}"), allowed.onlyRequest().json());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"org\":\"acme\",\"id\":\"a7a5ef25-8889-43a0-8cc7-f2a94268e861\"}|at least one of 'label', 'description', 'is_active', 'resources'",
        "{\"org\":\"acme\",\"label\":\"x\"}|'id' is required",
        "{\"org\":\"acme\",\"id\":\"a7a5ef25-8889-43a0-8cc7-f2a94268e861\",\"label\":\"\"}|'label' must be at least 1",
        "{\"org\":\"acme\",\"id\":\"a7a5ef25-8889-43a0-8cc7-f2a94268e861\",\"resources\":{}}|'resources' must be an array"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("update_oat", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("PATCH", PATH).respond(200, Samples.OAT);
        f.reMintsAfter401("update_oat", RELABEL, "PATCH", PATH);
    }

    @Test
    void notFound() {
        f.notFound("update_oat", RELABEL, "PATCH", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("update_oat", RELABEL, "PATCH", PATH, FakeResponse.json(200, Samples.OAT));
    }
}
