package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SbomTest {

    private static Result run(ScoutRig rig, String args) {
        Fixtures.registry(rig.registry);
        Answers.standard(rig, "sbom", false);
        Result r = rig.call("sbom", args);
        assertFalse(r.isError(), String.valueOf(r.error()));
        return r;
    }

    @Test
    void packagesWithLicensesAndLayer() {
        try (ScoutRig rig = new ScoutRig()) {
            Result r = run(rig, "{\"image\":\"nginx:1.27\",\"organization\":\"myorg\"}");
            assertEquals(1, rig.scout.requests().size(), "one query: packages only");
            JsonNode vars = rig.variablesOf("ScoutSbom");
            assertEquals("myorg", vars.path("context").path("organization").asText());
            assertEquals(Fixtures.NGINX_127_AMD64, vars.path("digest").asText());
            JsonNode pkgs = r.data().path("packages");
            assertEquals(3, r.data().path("total").asInt());
            assertEquals(3, r.data().path("layers").asInt());
            // sorted by type, then name
            assertEquals("openssl", pkgs.get(0).path("name").asText());
            assertEquals("zlib1g", pkgs.get(1).path("name").asText());
            JsonNode lodash = pkgs.get(2);
            assertEquals("lodash", lodash.path("name").asText());
            assertEquals(Fixtures.LODASH, lodash.path("purl").asText());
            assertEquals("4.17.20", lodash.path("version").asText());
            assertEquals("npm", lodash.path("type").asText());
            assertEquals("MIT", lodash.path("licenses").get(0).asText());
            assertEquals(2, lodash.path("layer").asInt());
        }
    }

    @Test
    void filtersAndPages() {
        try (ScoutRig rig = new ScoutRig()) {
            Result r = run(rig, "{\"image\":\"nginx:1.27\",\"package_type\":\"deb\",\"page\":2,\"page_size\":1}");
            assertEquals(2, r.data().path("total").asInt());
            assertEquals("zlib1g", r.data().path("packages").get(0).path("name").asText());
            assertEquals(1, r.data().path("packages").size());
        }
        try (ScoutRig rig = new ScoutRig()) {
            Result r = run(rig, "{\"image\":\"nginx:1.27\",\"name\":\"SSL\"}");
            assertEquals(1, r.data().path("total").asInt());
            assertEquals("openssl", r.data().path("packages").get(0).path("name").asText());
        }
        try (ScoutRig rig = new ScoutRig()) {
            Result r = run(rig, "{\"image\":\"nginx:1.27\",\"page_size\":2}");
            assertEquals(2, r.data().path("next_page").asInt());
        }
    }

    @Test
    void verboseRowsAreRaw() {
        try (ScoutRig rig = new ScoutRig()) {
            Result r = run(rig, "{\"image\":\"nginx:1.27\",\"verbose\":true}");
            assertTrue(r.data().path("packages").get(0).path("locations").isArray());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"image\":\"nginx\",\"package_type\":\"DEB!\"}",
        "{\"image\":\"nginx\",\"name\":\"\"}", "{\"image\":\"nginx\",\"page_size\":0}"})
    void invalidArgumentsSendNothing(String args) {
        try (ScoutRig rig = new ScoutRig()) {
            ObjectNode env = rig.envelope(rig.call("sbom", args));
            assertEquals("validation", env.path("error").path("type").asText(), env.toString());
            rig.assertNothingSent();
        }
    }
}
