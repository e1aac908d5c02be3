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

class ResolveDigestTest {
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
    void resolvesATagToTheDigestOfItsManifest() {
        TestImages.Index idx = TestImages.index(false, true, TestImages.image("linux/amd64", "a"),
            TestImages.image("linux/arm64/v8", "b"));
        String digest = TestImages.push(f.client(), "team/resolve", "multi", idx);
        JsonNode d = ok(call(f.alice(), "resolve_digest", "repository", "team/resolve", "reference", "multi"));
        assertEquals(digest, d.path("digest").asText());
        assertEquals(idx.index().digest(), d.path("digest").asText());
        assertEquals(TestImages.OCI_INDEX, d.path("media_type").asText());
    }

    @Test
    void missingTagIsNotFound() {
        TestImages.push(f.client(), "team/resolve2", "v1", TestImages.image("linux/amd64", "x"));
        assertEquals(ErrorType.NOT_FOUND, failed(call(f.alice(), "resolve_digest", "repository", "team/resolve2",
            "reference", "v9")).type());
    }

    @Test
    void usesOnlyAHeadRequest() {
        try (var fake = dev.dockerhubmcp.testkit.registry.FakeRegistry.start();
             var h = FakeFixture.harness(fake, false)) {
            fake.putImage("team/app", "v1", TestImages.image("linux/amd64", "x"));
            ok(call(h, "resolve_digest", "repository", "team/app", "reference", "v1"));
            assertEquals(java.util.List.of("HEAD /v2/team/app/manifests/v1"), fake.requests(),
                "a HEAD does not count as a pull; no GET may be sent");
        }
    }
}
