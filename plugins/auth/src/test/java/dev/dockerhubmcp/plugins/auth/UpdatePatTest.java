package dev.dockerhubmcp.plugins.auth;

import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UpdatePatTest {
    private static final String PATH = "/v2/access-tokens/" + Samples.PAT_UUID;
    private static final String RENAME = "{\"uuid\":\"" + Samples.PAT_UUID + "\",\"token_label\":\"renamed\"}";
    private static final String DEACTIVATE = "{\"uuid\":\"" + Samples.PAT_UUID + "\",\"is_active\":false}";
    private final HubFixture f = HubFixture.start(new AuthPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void renamingIsAPlainWrite() throws Exception {
        f.hub().on("PATCH", PATH).respond(200, Samples.PAT);
        f.ok("update_pat", RENAME);
        RecordedRequest r = f.onlyRequest();
        assertEquals("PATCH", r.method());
        assertEquals(PATH, r.path());
        assertEquals(Samples.JSON.readTree("{\"token_label\":\"renamed\"}"), r.json());
    }

    @Test
    void reactivatingIsAPlainWrite() throws Exception {
        f.hub().on("PATCH", PATH).respond(200, Samples.PAT);
        f.ok("update_pat", DEACTIVATE.replace("false", "true"));
        assertEquals(Samples.JSON.readTree("{\"is_active\":true}"), f.onlyRequest().json());
    }

    @Test
    void deactivatingIsDestructive() throws Exception {
        f.hub().on("PATCH", PATH).respond(200, Samples.PAT);
        f.refusedAsDestructive("update_pat", DEACTIVATE);
        try (HubFixture allowed = HubFixture.destructive(new AuthPlugin())) {
            allowed.hub().on("PATCH", PATH).respond(200, Samples.PAT.replace("\"is_active\":true", "\"is_active\":false"));
            assertEquals(false, allowed.ok("update_pat", DEACTIVATE).get("is_active").asBoolean());
            assertEquals(Samples.JSON.readTree("{\"is_active\":false}"), allowed.onlyRequest().json());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"uuid\":\"b30bbf97-506c-4ecd-aabc-842f3cb484fb\"}|'token_label' and/or 'is_active'",
        "{\"token_label\":\"x\"}|'uuid' is required",
        "{\"uuid\":\"b30bbf97\",\"token_label\":\"x\"}|'uuid' does not match",
        "{\"uuid\":\"b30bbf97-506c-4ecd-aabc-842f3cb484fb\",\"is_active\":\"no\"}|'is_active' must be true or false",
        "{\"uuid\":\"b30bbf97-506c-4ecd-aabc-842f3cb484fb\",\"scopes\":[\"repo:admin\"]}|'scopes'"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("update_pat", args, message);
    }

    @Test
    void reMintsOnce() {
        f.hub().on("PATCH", PATH).respond(200, Samples.PAT);
        f.reMintsAfter401("update_pat", RENAME, "PATCH", PATH);
    }

    @Test
    void notFound() {
        f.notFound("update_pat", RENAME, "PATCH", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("update_pat", RENAME, "PATCH", PATH, FakeResponse.json(200, Samples.PAT));
    }
}
