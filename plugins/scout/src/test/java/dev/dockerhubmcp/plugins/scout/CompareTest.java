package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareTest {

    private static List<String> ids(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.path("id").asText()));
        return out;
    }

    @Test
    void whatTheSecondImageAddsRemovesAndFixes() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            Answers.standard(rig, "compare", false);
            Result r = rig.call("compare", "{\"from_image\":\"nginx:1.25\",\"to_image\":\"nginx:1.27\","
                + "\"organization\":\"myorg\"}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            assertEquals(2, rig.scout.requests().size(), "both images in each of two queries");
            JsonNode pv = rig.variablesOf("ScoutComparePackages");
            assertEquals("myorg", pv.path("context").path("organization").asText());
            assertEquals(Fixtures.NGINX_125_AMD64, pv.path("fromDigest").asText());
            assertEquals(Fixtures.NGINX_127_AMD64, pv.path("toDigest").asText());
            JsonNode vv = rig.variablesOf("ScoutCompareVulnerabilities");
            assertEquals(4, vv.path("fromPurls").size());
            assertEquals(3, vv.path("toPurls").size());
            assertEquals(Fixtures.NGINX_125_AMD64, vv.path("fromDigest").asText());
            assertEquals(Fixtures.NGINX_127_AMD64, vv.path("toDigest").asText());
            assertEquals(2, rig.registry.manifestRequests("HEAD").size());

            JsonNode d = r.data();
            assertEquals(List.of("CVE-2021-23337", "CVE-2024-0003", "GHSA-aaaa-bbbb-cccc"), ids(d.path("cves_added")));
            assertEquals(List.of("CVE-2023-38545"), ids(d.path("cves_fixed")));
            assertEquals("curl@7.88.1-10", d.path("cves_fixed").get(0).path("packages").get(0).asText());
            assertEquals(0, d.path("packages_added").size());
            assertEquals("debian/curl", d.path("packages_removed").get(0).path("package").asText());
            JsonNode changed = d.path("packages_changed").get(0);
            assertEquals("lodash", changed.path("package").asText());
            assertEquals("4.17.21", changed.path("from").asText());
            assertEquals("4.17.20", changed.path("to").asText());
            assertEquals(4, d.path("vulnerabilities").path("from").path("total").asInt());
            assertEquals(6, d.path("vulnerabilities").path("to").path("total").asInt());
            assertEquals(2, d.path("vulnerabilities").path("delta").path("total").asInt());
            assertEquals(-1, d.path("vulnerabilities").path("delta").path("medium").asInt());
            assertEquals(3, d.path("counts").path("cves_unchanged").asInt());
            assertEquals(Fixtures.NGINX_125_AMD64, d.path("from").path("digest").asText());
        }
    }

    @Test
    void listsAreLimited() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            Answers.standard(rig, "compare", false);
            Result r = rig.call("compare", "{\"from_image\":\"nginx:1.25\",\"to_image\":\"nginx:1.27\",\"limit\":1}");
            assertEquals(1, r.data().path("cves_added").size());
            assertEquals(2, r.data().path("truncated").path("cves_added").asInt());
            assertEquals(3, r.data().path("counts").path("cves_added").asInt());
        }
    }

    @Test
    void theSameImageTwiceIsRefusedBeforeAnyScoutQuery() {
        try (ScoutRig rig = new ScoutRig()) {
            Map<String, String> d = Fixtures.registry(rig.registry);
            ObjectNode env = rig.envelope(rig.call("compare", "{\"from_image\":\"nginx:1.27\",\"to_image\":"
                + "\"nginx@" + d.get("nginx127") + "\"}"));
            assertEquals("validation", env.path("error").path("type").asText(), env.toString());
            assertTrue(rig.scout.requests().isEmpty());
        }
    }

    @Test
    void verboseReturnsBothRawAnswers() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            Answers.standard(rig, "compare", false);
            Result r = rig.call("compare", "{\"from_image\":\"nginx:1.25\",\"to_image\":\"nginx:1.27\","
                + "\"verbose\":true}");
            assertTrue(r.data().path("packages").path("from").path("imagePackages").isObject());
            assertTrue(r.data().path("vulnerabilities").path("to").isArray());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"from_image\":\"nginx:1.25\"}", "{\"to_image\":\"nginx:1.27\"}",
        "{\"from_image\":\"nginx:1.25\",\"to_image\":\"nginx:1.27\",\"limit\":0}",
        "{\"from_image\":\"nginx:1.25\",\"to_image\":\"NGINX\"}",
        "{\"from_image\":\"nginx:1.25\",\"to_image\":\"nginx:1.27\",\"image\":\"x\"}"})
    void invalidArgumentsSendNothing(String args) {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            ObjectNode env = rig.envelope(rig.call("compare", args));
            assertEquals("validation", env.path("error").path("type").asText(), env.toString());
            rig.assertNothingSent();
        }
    }
}
