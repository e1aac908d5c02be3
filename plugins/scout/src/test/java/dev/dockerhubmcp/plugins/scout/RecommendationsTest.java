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

class RecommendationsTest {

    @Test
    void tagAndBaseImageRecommendations() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            Answers.standard(rig, "recommendations", false);
            Result r = rig.call("recommendations", "{\"image\":\"nginx:1.27\",\"organization\":\"myorg\","
                + "\"limit\":1}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            assertEquals(3, rig.scout.requests().size());
            JsonNode base = rig.variablesOf("ScoutBaseImages");
            assertEquals(Fixtures.NGINX_127_AMD64, base.path("digest").asText(), "layers are per platform image");
            assertEquals("myorg", base.path("context").path("organization").asText());
            JsonNode own = rig.variablesOf("ScoutTagRecommendations");
            assertEquals("nginx", own.path("repository").asText(), "Docker Hub's familiar name");
            assertEquals("1.27", own.path("tag").asText());
            // the base image has a current tag, so it is looked up by tag as well: two ScoutTagRecommendations requests
            long byTag = rig.graphql().stream()
                .filter(b -> b.path("query").asText().contains("query ScoutTagRecommendations(")).count();
            assertEquals(2, byTag);
            JsonNode baseRecsVars = rig.graphql().get(2).path("variables");
            assertEquals("debian", baseRecsVars.path("repository").asText());
            assertEquals("bookworm-slim", baseRecsVars.path("tag").asText());

            JsonNode d = r.data();
            assertEquals("debian", d.path("base_image").path("repository").asText());
            assertEquals("bookworm-slim", d.path("base_image").path("tag").asText());
            assertEquals(2, d.path("base_image").path("vulnerabilities").path("high").asInt());
            JsonNode recs = d.path("image_recommendations").path("recommendations").get(0);
            assertEquals("1.27", recs.path("current").path("tag").asText());
            assertEquals(1, recs.path("recommended").size(), "limit");
            JsonNode best = recs.path("recommended").get(0);
            assertEquals("1.27-alpine", best.path("tag").asText());
            assertEquals(100, best.path("score").asInt());
            assertEquals(0, best.path("vulnerabilities").path("high").asInt());
            assertEquals(52428800, best.path("size").asLong());
        }
    }

    @Test
    void aDigestReferenceUsesTheDigestTheReferencePointsAt() {
        try (ScoutRig rig = new ScoutRig()) {
            Map<String, String> d = Fixtures.registry(rig.registry);
            rig.scout.onField("baseImagesByDigest", "{\"data\":{\"baseImagesByDigest\":[]}}");
            rig.scout.onField("tagRecommendationsByDigest", Fixtures.data("tagRecommendationsByDigest",
                Fixtures.recommendations("nginx", "1.27", "1.27-alpine")));
            Result r = rig.call("recommendations", "{\"image\":\"nginx@" + d.get("nginx127") + "\"}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            JsonNode vars = rig.variablesOf("ScoutDigestRecommendations");
            assertEquals(d.get("nginx127"), vars.path("digest").asText(), "tags point at the index digest");
            assertEquals("nginx", vars.path("repository").asText());
            assertEquals(Fixtures.NGINX_127_AMD64, rig.variablesOf("ScoutBaseImages").path("digest").asText());
            assertTrue(r.data().path("base_image").isNull());
            assertTrue(r.data().path("base_image_recommendations").isNull());
            assertEquals(2, rig.scout.requests().size());
        }
    }

    @Test
    void nothingKnownIsASuccessWithAWarning() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            rig.scout.onField("baseImagesByDigest", "{\"data\":{\"baseImagesByDigest\":[]}}");
            rig.scout.onField("tagRecommendationsByRepositoryAndTag",
                "{\"data\":{\"tagRecommendationsByRepositoryAndTag\":null}}");
            Result r = rig.call("recommendations", "{\"image\":\"myorg/app:1.0\"}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            assertTrue(r.warnings().get(0).contains("no tag recommendations"));
            assertEquals("myorg/app", rig.variablesOf("ScoutTagRecommendations").path("repository").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"image\":\"nginx\",\"limit\":0}", "{\"image\":\"nginx\",\"limit\":51}"})
    void invalidArgumentsSendNothing(String args) {
        try (ScoutRig rig = new ScoutRig()) {
            ObjectNode env = rig.envelope(rig.call("recommendations", args));
            assertEquals("validation", env.path("error").path("type").asText(), env.toString());
            rig.assertNothingSent();
        }
    }
}
