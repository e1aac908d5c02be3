package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.testkit.registry.FakeRegistry;
import dev.dockerhubmcp.testkit.registry.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.dockerhubmcp.plugins.registry.Fixture.call;
import static dev.dockerhubmcp.plugins.registry.Fixture.codes;
import static dev.dockerhubmcp.plugins.registry.Fixture.failed;
import static dev.dockerhubmcp.plugins.registry.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleteManifestTest {
    static Fixture f;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aTagIsResolvedToItsDigestThenDeleted() {
        TestImages.Image img = TestImages.image("linux/amd64", "delete me");
        String digest = TestImages.push(f.client(), "team/del", "v1", img);
        JsonNode d = ok(call(f.alice(), "delete_manifest", "repository", "team/del", "reference", "v1"));
        assertEquals(digest, d.path("deleted").asText());
        assertEquals("v1", d.path("resolved_from").asText());
        assertEquals(Boolean.FALSE, call(f.alice(), "check_manifest", "repository", "team/del", "reference", digest)
            .exists());
        assertTrue(f.tokens.requestsFor("repository:team/del:pull,push,delete") >= 1);
    }

    @Test
    void pullOnlyUserCannotDelete() {
        String digest = TestImages.push(f.client(), "team/del", "v2", TestImages.image("linux/amd64", "keep"));
        var e = failed(call(f.as("bob", true), "delete_manifest", "repository", "team/del", "reference", digest));
        assertEquals(ErrorType.UNAUTHORIZED, e.type());
        assertTrue(e.message().contains("bob"), e.message());
    }

    @Test
    void hubStyle405IsExplained() {
        try (FakeRegistry fake = FakeRegistry.start(); var h = FakeFixture.harness(fake, true)) {
            // the subject lookup (GET, tolerated) and the DELETE
            fake.failNext(2, 405, Map.of(), "{\"errors\":[{\"code\":\"UNSUPPORTED\",\"message\":\"The operation is "
                + "unsupported.\"}]}");
            var e = failed(call(h, "delete_manifest", "repository", "team/app", "reference", "sha256:" + "4".repeat(64)));
            assertEquals(405, e.statusCode());
            assertEquals("UNSUPPORTED", codes(e));
            assertTrue(e.message().contains("does not allow deleting"), e.message());
        }
    }
}
