package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.testkit.registry.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.dockerhubmcp.plugins.registry.Fixture.call;
import static dev.dockerhubmcp.plugins.registry.Fixture.codes;
import static dev.dockerhubmcp.plugins.registry.Fixture.failed;
import static dev.dockerhubmcp.plugins.registry.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectTest {
    static Fixture f;

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void indexSummaryCostsOneRequestAndIncludesCostMoreButInParallel() {
        TestImages.Image amd = TestImages.image("linux/amd64", "a", "a2");
        TestImages.Image arm = TestImages.image("linux/arm64/v8", "b");
        TestImages.Index idx = TestImages.index(false, true, amd, arm);
        TestImages.push(f.client(), "team/inspect", "multi", idx);

        JsonNode plain = ok(call(f.alice(), "inspect", "repository", "team/inspect", "reference", "multi"));
        assertEquals(idx.index().digest(), plain.path("digest").asText());
        assertEquals(TestImages.OCI_INDEX, plain.path("media_type").asText());
        assertEquals(2, plain.path("manifests").size());
        assertEquals(1, plain.path("attestations").size());
        assertEquals(1, plain.path("upstream_requests").asInt());

        JsonNode full = ok(call(f.alice(), "inspect", "repository", "team/inspect", "reference", "multi",
            "include_config", true, "include_layers", true));
        assertEquals(5, full.path("upstream_requests").asInt(), "index + (manifest + config) per platform");
        JsonNode amdEntry = full.path("manifests").get(0);
        assertEquals(2, amdEntry.path("layers").size());
        assertEquals(amd.layers().get(1).digest(), amdEntry.path("layers").get(1).path("digest").asText());
        assertEquals("linux/amd64", amdEntry.path("config").path("platform").asText());

        JsonNode onlyArm = ok(call(f.alice(), "inspect", "repository", "team/inspect", "reference", "multi",
            "include_layers", true, "platform", "linux/arm64"));
        assertEquals(2, onlyArm.path("upstream_requests").asInt());
    }

    @Test
    void singleManifestShowsItsPlatform() {
        TestImages.Image img = TestImages.image("linux/arm64/v8", true, "x");
        TestImages.push(f.client(), "team/inspect", "single", img);
        JsonNode d = ok(call(f.alice(), "inspect", "repository", "team/inspect", "reference", "single",
            "include_config", true));
        assertEquals("linux/arm64/v8", d.path("platform").asText());
        assertEquals(TestImages.DOCKER_MANIFEST, d.path("media_type").asText());
        assertEquals(2, d.path("upstream_requests").asInt());
        assertTrue(d.path("config").path("Env").isArray());
    }
}
