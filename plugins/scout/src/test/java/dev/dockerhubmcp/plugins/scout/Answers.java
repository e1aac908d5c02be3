package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.testkit.FakeResponse;

/** The standard successful Scout answers for each action, optionally with an error beside the data (partial). */
final class Answers {
    static final String PARTIAL_MESSAGE = "part of the answer failed";

    private Answers() {
    }

    static void standard(ScoutRig rig, String action, boolean partial) {
        switch (action) {
            case "summary" -> put(rig, "imageSummariesByDigest", Fixtures.summary(Fixtures.NGINX_127_AMD64), partial);
            case "cves", "vulnerabilities", "sbom" -> {
                put(rig, "imagePackagesByDigest",
                    Fixtures.data("imagePackagesByDigest", Fixtures.packages127(Fixtures.NGINX_127_AMD64)), partial);
                put(rig, "vulnerabilitiesByPackage",
                    Fixtures.data("vulnerabilitiesByPackage", Fixtures.vulnerabilities127()), partial);
            }
            case "compare" -> {
                ObjectNode pk = ScoutRig.MAPPER.createObjectNode();
                ObjectNode pd = pk.putObject("data");
                pd.set("from", Fixtures.packages125(Fixtures.NGINX_125_AMD64));
                pd.set("to", Fixtures.packages127(Fixtures.NGINX_127_AMD64));
                put(rig, "imagePackagesByDigest", pk.toString(), partial);
                ObjectNode vu = ScoutRig.MAPPER.createObjectNode();
                ObjectNode vd = vu.putObject("data");
                vd.set("from", Fixtures.vulnerabilities125());
                vd.set("to", Fixtures.vulnerabilities127());
                put(rig, "vulnerabilitiesByPackage", vu.toString(), partial);
            }
            case "policies" -> {
                put(rig, "goalResultSummaries", Fixtures.policySummaries(), partial);
                put(rig, "goalResults(", Fixtures.goalResults(), partial);
            }
            case "policy_evaluation" -> put(rig, "goalResultsByDigest",
                Fixtures.goalResultsByDigest("sha256:" + FakeRegistry.sha("x")), partial);
            case "recommendations" -> {
                put(rig, "baseImagesByDigest", Fixtures.baseImages(), partial);
                put(rig, "tagRecommendationsByRepositoryAndTag", Fixtures.data("tagRecommendationsByRepositoryAndTag",
                    Fixtures.recommendations("nginx", "1.27", "1.27-alpine", "stable-alpine")), partial);
                put(rig, "tagRecommendationsByDigest", Fixtures.data("tagRecommendationsByDigest",
                    Fixtures.recommendations("debian", "bookworm-slim", "trixie-slim")), partial);
            }
            case "hardened_images" -> put(rig, "dhiListMirroredRepositories", Fixtures.mirrored(), partial);
            default -> throw new IllegalArgumentException(action);
        }
    }

    static void put(ScoutRig rig, String field, String body, boolean partial) {
        if (!partial) {
            rig.scout.onField(field, body);
            return;
        }
        ObjectNode root = (ObjectNode) Fixtures.json(body);
        root.putArray("errors").addObject().put("message", PARTIAL_MESSAGE)
            .putObject("extensions").put("code", "DOWNSTREAM_SERVICE_ERROR");
        FakeResponse answer = FakeResponse.json(200, root.toString());
        rig.scout.onField(field, req -> answer);
    }
}
