package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CvesTest {

    private static List<String> ids(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.path("id").asText()));
        return out;
    }

    private static Result run(ScoutRig rig, String args) {
        Fixtures.registry(rig.registry);
        Answers.standard(rig, "cves", false);
        Result r = rig.call("cves", args);
        assertFalse(r.isError(), String.valueOf(r.error()));
        return r;
    }

    @Test
    void packagesThenTheirVulnerabilitiesScopedToTheImage() {
        try (ScoutRig rig = new ScoutRig()) {
            Result r = run(rig, "{\"image\":\"nginx:1.27\",\"organization\":\"myorg\"}");
            assertEquals(2, rig.scout.requests().size());
            JsonNode pv = rig.variablesOf("ScoutCvesPackages");
            assertEquals("myorg", pv.path("context").path("organization").asText());
            assertEquals(Fixtures.NGINX_127_AMD64, pv.path("digest").asText());
            JsonNode vv = rig.variablesOf("ScoutCvesVulnerabilities");
            assertEquals("myorg", vv.path("context").path("organization").asText());
            assertEquals(Fixtures.NGINX_127_AMD64, vv.path("digest").asText());
            assertTrue(vv.path("includeExcepted").asBoolean());
            assertEquals(List.of(Fixtures.OPENSSL, Fixtures.ZLIB, Fixtures.LODASH),
                List.of(vv.path("packageUrls").get(0).asText(), vv.path("packageUrls").get(1).asText(),
                    vv.path("packageUrls").get(2).asText()));

            JsonNode data = r.data();
            // critical first, then by CVSS within a severity, unspecified last
            assertEquals(List.of("CVE-2024-0001", "CVE-2023-1111", "CVE-2024-0002", "CVE-2021-23337", "CVE-2024-0003",
                "GHSA-aaaa-bbbb-cccc"), ids(data.path("cves")));
            JsonNode first = data.path("cves").get(0);
            assertEquals("critical", first.path("severity").asText());
            assertEquals(9.8, first.path("cvss").asDouble());
            assertEquals("openssl", first.path("package").asText());
            assertEquals("deb", first.path("type").asText());
            assertEquals("3.0.11-1", first.path("version").asText());
            assertEquals("3.0.13-1", first.path("fixed_by").asText());
            assertEquals(0.5, first.path("epss").asDouble());
            assertTrue(first.path("cisa_exploited").asBoolean());
            assertFalse(first.path("excepted").asBoolean());
            JsonNode excepted = data.path("cves").get(4);
            assertTrue(excepted.path("excepted").asBoolean());
            JsonNode unspecified = data.path("cves").get(5);
            assertEquals("unspecified", unspecified.path("severity").asText());
            assertTrue(unspecified.path("cvss").isNull());
            assertTrue(unspecified.path("fixed_by").isNull());

            assertEquals(1, data.path("counts").path("critical").asInt());
            assertEquals(3, data.path("counts").path("high").asInt());
            assertEquals(6, data.path("counts").path("total").asInt());
            assertEquals(4, data.path("counts").path("fixable").asInt());
            assertEquals(6, data.path("total").asInt());
            assertEquals("INDEXED", data.path("sbom_state").asText());
        }
    }

    @Test
    void severityFilter() {
        try (ScoutRig rig = new ScoutRig()) {
            Result r = run(rig, "{\"image\":\"nginx:1.27\",\"severity\":[\"critical\",\"low\"]}");
            assertEquals(List.of("CVE-2024-0001", "CVE-2024-0003"), ids(r.data().path("cves")));
            assertEquals(2, r.data().path("total").asInt());
            assertEquals(6, r.data().path("counts").path("total").asInt(), "counts cover everything");
        }
    }

    @Test
    void fixableOnly() {
        try (ScoutRig rig = new ScoutRig()) {
            Result r = run(rig, "{\"image\":\"nginx:1.27\",\"fixable_only\":true,\"severity\":[\"high\"]}");
            assertEquals(List.of("CVE-2023-1111", "CVE-2021-23337"), ids(r.data().path("cves")));
        }
    }

    @Test
    void pagesClientSide() {
        try (ScoutRig rig = new ScoutRig()) {
            Result r = run(rig, "{\"image\":\"nginx:1.27\",\"page\":2,\"page_size\":4}");
            assertEquals(List.of("CVE-2024-0003", "GHSA-aaaa-bbbb-cccc"), ids(r.data().path("cves")));
            assertEquals(2, r.data().path("page").asInt());
            assertEquals(4, r.data().path("page_size").asInt());
            assertEquals(6, r.data().path("total").asInt());
            assertFalse(r.data().has("next_page"));
        }
        try (ScoutRig rig = new ScoutRig()) {
            Result r = run(rig, "{\"image\":\"nginx:1.27\",\"page_size\":2}");
            assertEquals(List.of("CVE-2024-0001", "CVE-2023-1111"), ids(r.data().path("cves")));
            assertEquals(2, r.data().path("next_page").asInt());
        }
    }

    @Test
    void excludingExceptedAsksScoutToLeaveThemOut() {
        try (ScoutRig rig = new ScoutRig()) {
            run(rig, "{\"image\":\"nginx:1.27\",\"include_excepted\":false}");
            assertFalse(rig.variablesOf("ScoutCvesVulnerabilities").path("includeExcepted").asBoolean(true));
        }
    }

    @Test
    void verboseRowsAreTheRawRecords() {
        try (ScoutRig rig = new ScoutRig()) {
            Result r = run(rig, "{\"image\":\"nginx:1.27\",\"verbose\":true,\"page_size\":1}");
            JsonNode row = r.data().path("cves").get(0);
            assertEquals("CVE-2024-0001", row.path("vulnerability").path("sourceId").asText());
            assertEquals(Fixtures.OPENSSL, row.path("package").path("package").path("purl").asText());
        }
    }

    @Test
    void anImageWithoutPackagesSendsOneQuery() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            rig.scout.onField("imagePackagesByDigest", "{\"data\":{\"imagePackagesByDigest\":{\"digest\":\"x\","
                + "\"sbomState\":\"INDEXING\",\"imagePackages\":{\"packages\":[]}}}}");
            Result r = rig.call("cves", "{\"image\":\"nginx:1.27\"}");
            assertFalse(r.isError());
            assertEquals(1, rig.scout.requests().size());
            assertEquals(0, r.data().path("total").asInt());
            assertTrue(r.warnings().get(0).contains("INDEXING"));
        }
    }

    @Test
    void noPackageRecordIsNotFound() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            rig.scout.onField("imagePackagesByDigest", "{\"data\":{\"imagePackagesByDigest\":null}}");
            ObjectNode env = rig.envelope(rig.call("cves", "{\"image\":\"nginx:1.27\"}"));
            assertEquals("not_found", env.path("error").path("type").asText());
            assertEquals(1, rig.scout.requests().size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"image\":\"nginx\",\"severity\":[\"urgent\"]}",
        "{\"image\":\"nginx\",\"severity\":[]}",
        "{\"image\":\"nginx\",\"severity\":\"critical\"}",
        "{\"image\":\"nginx\",\"fixable_only\":\"yes\"}",
        "{\"image\":\"nginx\",\"page\":0}",
        "{\"image\":\"nginx\",\"page_size\":501}",
        "{\"image\":\"nginx\",\"organization\":\"-bad\"}",
        "{\"image\":\"nginx\",\"platform\":\"linux\"}"
    })
    void invalidArgumentsSendNothing(String args) {
        try (ScoutRig rig = new ScoutRig()) {
            ObjectNode env = rig.envelope(rig.call("cves", args));
            assertEquals("validation", env.path("error").path("type").asText(), env.toString());
            rig.assertNothingSent();
        }
    }
}
