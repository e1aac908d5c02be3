package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyEvaluationTest {

    @Test
    void perPolicyPassFailAndViolations() {
        try (ScoutRig rig = new ScoutRig()) {
            Map<String, String> d = Fixtures.registry(rig.registry);
            Answers.standard(rig, "policy_evaluation", false);
            Result r = rig.call("policy_evaluation", "{\"image\":\"myorg/app:1.0\",\"organization\":\"myorg\"}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            JsonNode vars = rig.variablesOf("ScoutPolicyEvaluation");
            assertEquals("myorg", vars.path("context").path("organization").asText());
            assertEquals(d.get("app"), vars.path("query").path("digest").asText());
            JsonNode data = r.data();
            assertEquals(2, data.path("counts").path("failed").asInt());
            assertEquals(1, data.path("counts").path("passed").asInt());
            assertEquals(1, data.path("counts").path("unknown").asInt());
            JsonNode vuln = data.path("policies").get(0);
            assertEquals("no-fixable-critical-or-high", vuln.path("policy").asText());
            assertEquals("fail", vuln.path("status").asText());
            assertEquals("Failed", vuln.path("label").asText());
            assertEquals(3, vuln.path("violations").size());
            assertEquals("4.17.21", vuln.path("violations").get(2).path("fixed_by").asText());
            JsonNode bool = data.path("policies").get(1);
            assertEquals("pass", bool.path("status").asText());
            assertEquals(0, bool.path("violation_count").asInt());
            JsonNode licence = data.path("policies").get(2);
            assertEquals("fail", licence.path("status").asText());
            assertEquals("AGPL-3.0", licence.path("violations").get(0).path("license").asText());
            assertEquals("unknown", data.path("policies").get(3).path("status").asText());
        }
    }

    @Test
    void failedOnlyPolicyFilterAndViolationLimit() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            Answers.standard(rig, "policy_evaluation", false);
            Result r = rig.call("policy_evaluation", "{\"image\":\"myorg/app:1.0\",\"organization\":\"myorg\","
                + "\"failed_only\":true,\"violations_limit\":1}");
            assertEquals(2, r.data().path("policies").size());
            assertEquals(1, r.data().path("policies").get(0).path("violations").size());
            assertEquals(2, r.data().path("policies").get(0).path("violations_truncated").asInt());
        }
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            Answers.standard(rig, "policy_evaluation", false);
            Result r = rig.call("policy_evaluation", "{\"image\":\"myorg/app:1.0\",\"organization\":\"myorg\","
                + "\"policy\":\"no-agpl\"}");
            assertEquals(1, r.data().path("policies").size());
            assertEquals(1, r.data().path("counts").path("failed").asInt());
        }
    }

    @Test
    void aMultiArchImageIsEvaluatedForItsPlatformImage() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            Answers.standard(rig, "policy_evaluation", false);
            rig.call("policy_evaluation", "{\"image\":\"nginx:1.27\",\"organization\":\"myorg\","
                + "\"platform\":\"linux/arm64/v8\"}");
            assertEquals(Fixtures.NGINX_127_ARM64, rig.variablesOf("ScoutPolicyEvaluation").path("query")
                .path("digest").asText());
        }
    }

    @Test
    void noResultIsNotFound() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            rig.scout.onField("goalResultsByDigest", "{\"data\":{\"goalResultsByDigest\":null}}");
            ObjectNode env = rig.envelope(rig.call("policy_evaluation", "{\"image\":\"myorg/app:1.0\","
                + "\"organization\":\"myorg\"}"));
            assertEquals("not_found", env.path("error").path("type").asText());
            assertTrue(env.path("error").path("message").asText().contains("'myorg'"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"image\":\"myorg/app:1.0\"}", "{\"organization\":\"myorg\"}",
        "{\"image\":\"myorg/app:1.0\",\"organization\":\"myorg\",\"violations_limit\":-1}",
        "{\"image\":\"myorg/app:1.0\",\"organization\":\"myorg\",\"failed_only\":\"no\"}"})
    void invalidArgumentsSendNothing(String args) {
        try (ScoutRig rig = new ScoutRig()) {
            ObjectNode env = rig.envelope(rig.call("policy_evaluation", args));
            assertEquals("validation", env.path("error").path("type").asText(), env.toString());
            rig.assertNothingSent();
        }
    }
}
