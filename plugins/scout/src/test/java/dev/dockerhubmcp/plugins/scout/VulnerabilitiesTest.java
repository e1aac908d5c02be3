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

class VulnerabilitiesTest {

    @Test
    void richRowsWithLayersAndExceptions() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            Answers.standard(rig, "vulnerabilities", false);
            Result r = rig.call("vulnerabilities", "{\"image\":\"nginx:1.27\",\"organization\":\"myorg\","
                + "\"severity\":[\"low\",\"high\"],\"fixable_only\":true}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            JsonNode vv = rig.variablesOf("ScoutVulnerabilitiesDetails");
            assertEquals("myorg", vv.path("context").path("organization").asText());
            assertEquals(Fixtures.NGINX_127_AMD64, vv.path("digest").asText());
            assertEquals(Fixtures.NGINX_127_AMD64, rig.variablesOf("ScoutVulnerabilitiesPackages").path("digest")
                .asText());
            JsonNode rows = r.data().path("vulnerabilities");
            assertEquals(3, rows.size(), rows.toString());
            assertEquals("CVE-2023-1111", rows.get(0).path("id").asText());
            JsonNode lodash = rows.get(1);
            assertEquals("CVE-2021-23337", lodash.path("id").asText());
            assertEquals(Fixtures.LODASH, lodash.path("purl").asText());
            assertEquals(2, lodash.path("layers").get(0).asInt());
            assertEquals("/var/lib/lodash", lodash.path("paths").get(0).asText());
            assertEquals("CWE-787", lodash.path("cwes").get(0).asText());
            assertTrue(lodash.path("cvss_vector").asText().startsWith("CVSS:3.1/"));
            assertEquals("HIGH", lodash.path("epss_priority").asText());
            JsonNode low = rows.get(2);
            assertEquals("CVE-2024-0003", low.path("id").asText());
            assertTrue(low.path("excepted").asBoolean());
            assertEquals("NOT_AFFECTED", low.path("exceptions").get(0).path("status").asText());
            assertEquals("VULNERABLE_CODE_NOT_IN_EXECUTE_PATH",
                low.path("exceptions").get(0).path("justification").asText());
            assertEquals(0, low.path("layers").get(0).asInt());
            assertEquals(20, r.data().path("page_size").asInt(), "smaller default page");
        }
    }

    @Test
    void pages() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            Answers.standard(rig, "vulnerabilities", false);
            Result r = rig.call("vulnerabilities", "{\"image\":\"nginx:1.27\",\"page\":3,\"page_size\":2}");
            assertEquals("CVE-2024-0003", r.data().path("vulnerabilities").get(0).path("id").asText());
            assertEquals(2, r.data().path("vulnerabilities").size());
            assertFalse(r.data().has("next_page"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"image\":\"nginx\",\"severity\":[\"CRITICAL\"]}",
        "{\"image\":\"nginx\",\"include_excepted\":1}"})
    void invalidArgumentsSendNothing(String args) {
        try (ScoutRig rig = new ScoutRig()) {
            ObjectNode env = rig.envelope(rig.call("vulnerabilities", args));
            assertEquals("validation", env.path("error").path("type").asText(), env.toString());
            rig.assertNothingSent();
        }
    }
}
