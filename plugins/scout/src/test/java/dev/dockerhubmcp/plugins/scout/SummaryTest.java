package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {

    @Test
    void resolvesTheTagThenAsksScoutForThePlatformImage() {
        try (ScoutRig rig = new ScoutRig()) {
            Map<String, String> d = Fixtures.registry(rig.registry);
            rig.scout.onField("imageSummariesByDigest", Fixtures.summary(Fixtures.NGINX_127_AMD64));
            Result r = rig.call("summary", "{\"image\":\"nginx:1.27\",\"organization\":\"myorg\"}");
            ObjectNode env = rig.envelope(r);
            assertFalse(r.isError(), env.toString());

            // registry: one HEAD on the tag with the manifest Accept list, one GET of the index by digest
            List<RecordedRequest> heads = rig.registry.manifestRequests("HEAD");
            assertEquals(1, heads.size());
            assertEquals("/v2/library/nginx/manifests/1.27", heads.get(0).path());
            String accept = heads.get(0).header("Accept").orElse("");
            assertTrue(accept.contains("application/vnd.oci.image.index.v1+json")
                && accept.contains("application/vnd.docker.distribution.manifest.list.v2+json"), accept);
            List<RecordedRequest> gets = rig.registry.manifestRequests("GET");
            assertEquals(1, gets.size());
            assertEquals("/v2/library/nginx/manifests/" + d.get("nginx127"), gets.get(0).path());

            // scout: the platform image digest, the context and the platform
            JsonNode vars = rig.variablesOf("ScoutSummary");
            assertEquals("myorg", vars.path("context").path("organization").asText());
            assertEquals(Fixtures.NGINX_127_AMD64, vars.path("digests").get(0).asText());
            assertEquals(1, vars.path("digests").size());
            assertEquals(Fixtures.NGINX_127_AMD64, vars.path("digest").asText());
            assertEquals("linux", vars.path("platform").path("os").asText());
            assertEquals("amd64", vars.path("platform").path("architecture").asText());
            assertFalse(vars.path("platform").has("variant"));
            assertTrue(rig.scout.requests().get(0).bearer().isPresent());

            JsonNode data = env.path("data");
            assertEquals("INDEXED", data.path("sbom_state").asText());
            assertEquals(1, data.path("vulnerabilities").path("critical").asInt());
            assertEquals(6, data.path("vulnerabilities").path("total").asInt());
            assertEquals("debian", data.path("base_image").path("repository").asText());
            assertEquals("bookworm-slim", data.path("base_image").path("tag").asText());
            assertEquals(Fixtures.BASE_DIGEST, data.path("base_image").path("digest").asText());
            assertEquals(3, data.path("package_count").asInt());
            assertEquals(d.get("nginx127"), data.path("image").path("index_digest").asText());
            assertEquals(Fixtures.NGINX_127_AMD64, data.path("image").path("digest").asText());
            assertEquals("linux/amd64", data.path("image").path("platform").asText());
            assertEquals("nginx", data.path("image").path("repository").asText());
            assertFalse(env.has("warnings"));
        }
    }

    @Test
    void platformPicksTheChildAndPassesItsPlatform() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            rig.scout.onField("imageSummariesByDigest", Fixtures.summary(Fixtures.NGINX_127_ARM64));
            Result r = rig.call("summary", "{\"image\":\"docker.io/library/nginx:1.27\",\"platform\":\"linux/arm64\"}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            JsonNode vars = rig.variablesOf("ScoutSummary");
            assertEquals(Fixtures.NGINX_127_ARM64, vars.path("digest").asText());
            assertEquals("arm64", vars.path("platform").path("architecture").asText());
            assertEquals("v8", vars.path("platform").path("variant").asText(), "the index entry's own platform");
            assertEquals(0, vars.path("context").size(), "no organization: public data, empty context");
            assertEquals("linux/arm64/v8", r.data().path("image").path("platform").asText());
        }
    }

    @Test
    void aSingleImageNeedsOnlyTheHead() {
        try (ScoutRig rig = new ScoutRig()) {
            Map<String, String> d = Fixtures.registry(rig.registry);
            rig.scout.onField("imageSummariesByDigest", Fixtures.summary(d.get("app")));
            Result r = rig.call("summary", "{\"image\":\"myorg/app:1.0\",\"organization\":\"myorg\"}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            assertEquals(1, rig.registry.manifestRequests("HEAD").size());
            assertEquals(0, rig.registry.manifestRequests("GET").size(), "no pull counted for a single image");
            assertEquals(d.get("app"), rig.variablesOf("ScoutSummary").path("digest").asText());
            assertFalse(r.data().path("image").has("index_digest"));
        }
    }

    @Test
    void aDigestReferenceIsCheckedWithAHeadOnTheDigest() {
        try (ScoutRig rig = new ScoutRig()) {
            Map<String, String> d = Fixtures.registry(rig.registry);
            rig.scout.onField("imageSummariesByDigest", Fixtures.summary(d.get("app")));
            Result r = rig.call("summary", "{\"image\":\"myorg/app@" + d.get("app") + "\"}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            assertEquals("/v2/myorg/app/manifests/" + d.get("app"),
                rig.registry.manifestRequests("HEAD").get(0).path());
            assertEquals(d.get("app"), rig.variablesOf("ScoutSummary").path("digests").get(0).asText());
        }
    }

    @Test
    void aPlatformMissingFromTheIndexIsNotFoundBeforeAnyScoutQuery() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            ObjectNode env = rig.envelope(rig.call("summary", "{\"image\":\"nginx:1.27\",\"platform\":\"linux/s390x\"}"));
            assertEquals("not_found", env.path("error").path("type").asText());
            String msg = env.path("error").path("message").asText();
            assertTrue(msg.contains("linux/s390x") && msg.contains("linux/amd64, linux/arm64/v8"), msg);
            assertFalse(msg.contains("unknown/unknown"), "attestation entries are not platforms: " + msg);
            assertTrue(rig.scout.requests().isEmpty());
        }
    }

    @Test
    void anUnknownTagIsNotFoundFromTheRegistry() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            ObjectNode env = rig.envelope(rig.call("summary", "{\"image\":\"nginx:9.99\"}"));
            assertEquals("not_found", env.path("error").path("type").asText());
            assertTrue(rig.scout.requests().isEmpty());
        }
    }

    @Test
    void noSummaryIsNotFoundWithAHint() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            rig.scout.onField("imageSummariesByDigest",
                "{\"data\":{\"imageSummariesByDigest\":[],\"imageDetailsByDigest\":null}}");
            ObjectNode env = rig.envelope(rig.call("summary", "{\"image\":\"myorg/app:1.0\"}"));
            assertEquals("not_found", env.path("error").path("type").asText());
            assertTrue(env.path("error").path("message").asText().contains("organization"));
        }
    }

    @Test
    void anUnscannedImageSaysSo() {
        try (ScoutRig rig = new ScoutRig()) {
            Map<String, String> d = Fixtures.registry(rig.registry);
            rig.scout.onField("imageSummariesByDigest", "{\"data\":{\"imageSummariesByDigest\":[{\"digest\":\""
                + d.get("app") + "\",\"sbomState\":\"INDEXING\",\"vulnerabilityReport\":null}],"
                + "\"imageDetailsByDigest\":null}}");
            Result r = rig.call("summary", "{\"image\":\"myorg/app:1.0\"}");
            assertFalse(r.isError());
            assertTrue(r.data().path("vulnerabilities").isNull());
            assertTrue(r.data().path("base_image").isNull());
            assertTrue(r.warnings().get(0).contains("INDEXING"), r.warnings().toString());
        }
    }

    @Test
    void verboseReturnsTheRawRecords() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            rig.scout.onField("imageSummariesByDigest", Fixtures.summary(Fixtures.NGINX_127_AMD64));
            Result r = rig.call("summary", "{\"image\":\"nginx:1.27\",\"verbose\":true}");
            assertEquals("bookworm-slim", r.data().path("raw").path("imageDetailsByDigest").path("baseImageTag")
                .path("name").asText());
            assertFalse(r.data().has("sbom_state"));
        }
    }

    @Test
    void a401FromScoutReMintsTheJwtOnceAndRetries() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            AtomicInteger calls = new AtomicInteger();
            rig.scout.onField("imageSummariesByDigest", req -> calls.getAndIncrement() == 0
                ? FakeResponse.json(401, "{\"message\":\"token expired\"}")
                : FakeResponse.json(200, Fixtures.summary(Fixtures.NGINX_127_AMD64)));
            Result r = rig.call("summary", "{\"image\":\"nginx:1.27\"}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            assertEquals(2, rig.hub.mintCount());
            assertEquals(2, rig.scout.requests().size());
        }
    }

    @Test
    void a429FromScoutIsRetried() {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            AtomicInteger calls = new AtomicInteger();
            rig.scout.onField("imageSummariesByDigest", req -> calls.getAndIncrement() == 0
                ? FakeResponse.tooManyRequests(0)
                : FakeResponse.json(200, Fixtures.summary(Fixtures.NGINX_127_AMD64)));
            Result r = rig.call("summary", "{\"image\":\"nginx:1.27\"}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            assertEquals(2, rig.scout.requests().size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"image\":\"\"}",
        "{\"image\":\"nginx\",\"platform\":\"amd64\"}",
        "{\"image\":\"nginx\",\"platform\":\"Linux/AMD64\"}",
        "{\"image\":\"nginx\",\"organization\":\"My Org\"}",
        "{\"image\":\"nginx\",\"verbose\":\"maybe\"}",
        "{\"image\":\"nginx\",\"unknown\":1}",
        "{\"image\":\"Nginx:1.27\"}",
        "{\"image\":\"nginx:bad tag\"}",
        "{\"image\":\"nginx@sha256:\"}"
    })
    void invalidArgumentsSendNothing(String args) {
        try (ScoutRig rig = new ScoutRig()) {
            Fixtures.registry(rig.registry);
            ObjectNode env = rig.envelope(rig.call("summary", args));
            assertEquals("validation", env.path("error").path("type").asText(), env.toString());
            rig.assertNothingSent();
        }
    }
}
