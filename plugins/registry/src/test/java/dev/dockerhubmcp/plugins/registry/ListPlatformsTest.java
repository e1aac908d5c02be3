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

class ListPlatformsTest {
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
    void listsIndexPlatformsAndReportsAttestationsApart() {
        TestImages.Image amd = TestImages.image("linux/amd64", "a");
        TestImages.Image arm = TestImages.image("linux/arm64/v8", "b");
        TestImages.Index idx = TestImages.index(false, true, amd, arm);
        TestImages.push(f.client(), "team/platforms", "multi", idx);
        JsonNode d = ok(call(f.alice(), "list_platforms", "repository", "team/platforms", "reference", "multi"));
        assertTrue(d.path("multi_platform").asBoolean());
        assertEquals(2, d.path("platforms").size());
        assertEquals("linux/amd64", d.path("platforms").get(0).path("platform").asText());
        assertEquals(amd.manifest().digest(), d.path("platforms").get(0).path("digest").asText());
        assertEquals("linux/arm64/v8", d.path("platforms").get(1).path("platform").asText());
        assertEquals(1, d.path("attestations").size());
        assertEquals(idx.attestation().manifest().digest(), d.path("attestations").get(0).path("digest").asText());
        assertEquals(amd.manifest().digest(), d.path("attestations").get(0).path("attests").asText());
        assertFalse(d.toString().contains("unknown/unknown"), "attestations are not platforms");
    }

    @Test
    void singleManifestImageReadsItsConfigForThePlatform() {
        TestImages.push(f.client(), "team/platforms", "single", TestImages.image("linux/arm64/v8", true, "c"));
        JsonNode d = ok(call(f.alice(), "list_platforms", "repository", "team/platforms", "reference", "single"));
        assertFalse(d.path("multi_platform").asBoolean());
        assertEquals("linux/arm64/v8", d.path("platforms").get(0).path("platform").asText());
        assertNull(d.get("attestations"));
    }
}
