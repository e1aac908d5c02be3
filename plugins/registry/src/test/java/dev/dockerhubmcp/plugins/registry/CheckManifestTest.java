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

class CheckManifestTest {
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
    void existingAndMissingManifestsAreAnswersNotErrors() {
        TestImages.Image img = TestImages.image("linux/amd64", "check");
        TestImages.push(f.client(), "team/check", "v1", img);
        var present = call(f.alice(), "check_manifest", "repository", "team/check", "reference", "v1");
        assertEquals(Boolean.TRUE, present.exists());
        assertEquals(img.manifest().digest(), ok(present).path("digest").asText());
        assertEquals(img.manifest().size(), ok(present).path("size").asLong());

        var missing = call(f.alice(), "check_manifest", "repository", "team/check", "reference", "v2");
        assertEquals(Boolean.FALSE, missing.exists());
        assertEquals(404, missing.statusCode());
        assertFalse(ok(missing).path("exists").asBoolean());
    }
}
