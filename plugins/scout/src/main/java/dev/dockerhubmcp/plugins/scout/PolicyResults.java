package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The policy result of one image ({@code BaseScPolicy}) in compact form: pass, fail or unknown, and the violations.
 * Shared by policies (per-image drill-down) and policy_evaluation.
 */
final class PolicyResults {
    /**
     * The selection of a policy result. Each policy kind's {@code currentResult} has its own type, so each gets an
     * alias.
     */
    static final String FRAGMENT = """
        fragment ScoutPolicyResult on BaseScPolicy {
          definitionName
          configurationName
          displayName
          evaluated
          ... on ScBooleanPolicy {
            booleanResult: currentResult { statusLabel hasDeviation deviation { id details { key value displayName } } }
          }
          ... on ScGenericPolicy {
            genericResult: currentResult { statusLabel deviationCount deviations { id details { key value displayName } } }
          }
          ... on ScLicencePolicy {
            licenceResult: currentResult { statusLabel deviationCount deviations { id purl license } }
          }
          ... on ScVulnerabilityPolicy {
            vulnerabilityResult: currentResult {
              statusLabel
              deviationCount
              deviations { id vulnerability purl severity cvssScore fixedBy }
            }
          }
        }
        """;

    private static final String[] RESULTS = {"vulnerabilityResult", "licenceResult", "genericResult", "booleanResult"};

    private PolicyResults() {
    }

    /** pass, fail or unknown. */
    static String status(JsonNode policy) {
        JsonNode result = result(policy);
        if (!policy.path("evaluated").asBoolean(false) || result == null) {
            return "unknown";
        }
        return violationCount(policy) > 0 ? "fail" : "pass";
    }

    static int violationCount(JsonNode policy) {
        JsonNode result = result(policy);
        if (result == null) {
            return 0;
        }
        if (result.has("hasDeviation")) {
            return result.path("hasDeviation").asBoolean(false) ? 1 : 0;
        }
        return result.path("deviationCount").asInt(result.path("deviations").size());
    }

    static JsonNode result(JsonNode policy) {
        for (String r : RESULTS) {
            JsonNode n = policy.get(r);
            if (n != null && n.isObject()) {
                return n;
            }
        }
        return null;
    }

    /** The compact policy result with at most {@code limit} violations. */
    static ObjectNode compact(JsonNode policy, int limit) {
        ObjectNode out = Params.NODES.objectNode();
        out.put("policy", Params.text(policy, "definitionName"));
        out.put("configuration", Params.text(policy, "configurationName"));
        out.put("display_name", Params.text(policy, "displayName"));
        out.put("status", status(policy));
        JsonNode result = result(policy);
        out.put("label", Params.text(result, "statusLabel"));
        int count = violationCount(policy);
        out.put("violation_count", count);
        ArrayNode violations = out.putArray("violations");
        if (result != null) {
            JsonNode list = result.has("deviations") ? result.path("deviations")
                : result.hasNonNull("deviation") ? Params.NODES.arrayNode().add(result.get("deviation"))
                : Params.NODES.arrayNode();
            int listed = 0;
            for (JsonNode d : list) {
                if (listed++ >= limit) {
                    break;
                }
                violations.add(violation(d));
            }
            if (list.size() > limit) {
                out.put("violations_truncated", list.size() - limit);
            }
        }
        return out;
    }

    private static ObjectNode violation(JsonNode d) {
        ObjectNode v = Params.NODES.objectNode();
        if (d.has("vulnerability")) {
            v.put("id", Params.text(d, "vulnerability"));
            v.put("severity", Severity.of(Params.text(d, "severity")).wire());
            v.put("cvss", Params.text(d, "cvssScore"));
            v.put("purl", Params.text(d, "purl"));
            v.put("fixed_by", Params.text(d, "fixedBy"));
        } else if (d.has("license")) {
            v.put("purl", Params.text(d, "purl"));
            v.put("license", Params.text(d, "license"));
        } else {
            v.put("id", Params.text(d, "id"));
            ObjectNode details = v.putObject("details");
            for (JsonNode kv : d.path("details")) {
                String key = kv.path("displayName").asText("");
                details.put(key.isEmpty() ? kv.path("key").asText() : key, kv.path("value").asText());
            }
        }
        return v;
    }
}
