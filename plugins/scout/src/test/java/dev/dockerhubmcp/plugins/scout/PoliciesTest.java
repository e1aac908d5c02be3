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

class PoliciesTest {

    @Test
    void summariesPerPolicyWithPassOrFail() {
        try (ScoutRig rig = new ScoutRig()) {
            Answers.standard(rig, "policies", false);
            Result r = rig.call("policies", "{\"organization\":\"myorg\",\"stream\":\"latest-indexed\"}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            JsonNode vars = rig.variablesOf("ScoutPolicySummaries");
            assertEquals("myorg", vars.path("context").path("organization").asText());
            assertEquals("latest-indexed", vars.path("query").path("stream").asText());
            assertFalse(vars.path("query").has("definitionName"));
            assertTrue(rig.registry.requests().isEmpty(), "no image, no registry call");
            JsonNode rows = r.data().path("policies");
            assertEquals(3, rows.size());
            JsonNode vuln = rows.get(0);
            assertEquals("no-fixable-critical-or-high", vuln.path("policy").asText());
            assertEquals("fail", vuln.path("status").asText());
            assertEquals(3, vuln.path("noncompliant").asInt());
            assertEquals(42, vuln.path("violations").asInt());
            assertEquals("latest-indexed", vuln.path("stream").asText());
            assertEquals("pass", rows.get(1).path("status").asText());
            assertEquals("unknown", rows.get(2).path("status").asText());
            assertFalse(rows.get(2).path("enabled").asBoolean());
            assertEquals(1, r.data().path("failing").asInt());
        }
    }

    @Test
    void aPolicyNameFiltersTheSummaries() {
        try (ScoutRig rig = new ScoutRig()) {
            Answers.standard(rig, "policies", false);
            rig.call("policies", "{\"organization\":\"myorg\",\"policy\":\"approved-base-images\"}");
            JsonNode q = rig.variablesOf("ScoutPolicySummaries").path("query");
            assertEquals("approved-base-images", q.path("definitionName").asText());
            assertFalse(q.has("stream"));
        }
    }

    @Test
    void drillDownListsImagesWithViolationsPagedByScout() {
        try (ScoutRig rig = new ScoutRig()) {
            Answers.standard(rig, "policies", false);
            Result r = rig.call("policies", "{\"organization\":\"myorg\",\"policy\":\"no-fixable-critical-or-high\","
                + "\"configuration\":\"default\",\"stream\":\"latest-indexed\",\"state\":\"noncompliant\","
                + "\"page\":2,\"page_size\":10,\"violations_limit\":2}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            assertEquals(1, rig.scout.requests().size());
            JsonNode q = rig.variablesOf("ScoutPolicyImages").path("query");
            assertEquals("no-fixable-critical-or-high", q.path("definitionName").asText());
            assertEquals("default", q.path("configurationName").asText());
            assertEquals("latest-indexed", q.path("stream").asText());
            assertEquals(2, q.path("paging").path("page").asInt());
            assertEquals(10, q.path("paging").path("pageSize").asInt());
            assertEquals("noncompliant", q.path("filter").path("policyState").asText());
            JsonNode img = r.data().path("images").get(0);
            assertEquals("myorg/app", img.path("repository").asText());
            assertEquals("1.0", img.path("tags").get(0).asText());
            assertEquals(1, img.path("tags").size(), "current tags only");
            assertEquals("linux/amd64", img.path("platform").asText());
            assertEquals("fail", img.path("status").asText());
            assertEquals(3, img.path("violation_count").asInt());
            assertEquals(2, img.path("violations").size());
            assertEquals(1, img.path("violations_truncated").asInt());
            assertEquals("CVE-2024-0001", img.path("violations").get(0).path("id").asText());
            assertEquals("critical", img.path("violations").get(0).path("severity").asText());
            assertEquals(45, r.data().path("total").asInt());
            assertEquals(3, r.data().path("next_page").asInt());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"organization\":\"My_Org!\"}",
        "{\"organization\":\"myorg\",\"configuration\":\"default\",\"stream\":\"s\"}",
        "{\"organization\":\"myorg\",\"policy\":\"p\",\"configuration\":\"default\"}",
        "{\"organization\":\"myorg\",\"state\":\"noncompliant\"}",
        "{\"organization\":\"myorg\",\"violations_limit\":3}",
        "{\"organization\":\"myorg\",\"state\":\"bad\"}"
    })
    void invalidArgumentsSendNothing(String args) {
        try (ScoutRig rig = new ScoutRig()) {
            ObjectNode env = rig.envelope(rig.call("policies", args));
            assertEquals("validation", env.path("error").path("type").asText(), env.toString());
            rig.assertNothingSent();
        }
    }
}
