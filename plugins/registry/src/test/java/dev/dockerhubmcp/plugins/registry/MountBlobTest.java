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

class MountBlobTest {
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
    void mountsABlobFromAnotherRepository() {
        TestImages.Image img = TestImages.image("linux/amd64", "mount me");
        TestImages.push(f.client(), "team/source", "v1", img);
        String layer = img.layers().get(0).digest();
        assertEquals(Boolean.FALSE, call(f.alice(), "check_blob", "repository", "team/target", "digest", layer).exists());
        var r = call(f.alice(), "mount_blob", "repository", "team/target", "digest", layer, "from", "team/source");
        assertTrue(ok(r).path("mounted").asBoolean(), ok(r).toString());
        assertEquals(201, r.statusCode());
        assertEquals(Boolean.TRUE, call(f.alice(), "check_blob", "repository", "team/target", "digest", layer).exists());
        assertTrue(f.tokens.requests().stream().anyMatch(t -> t.scopes().contains("repository:team/source:pull")
            && t.scopes().contains("repository:team/target:pull,push")), "both scopes come from the challenge");
    }

    @Test
    void oneTokenCarriesBothRepositoriesScopesAndTheBlobIsMountedNotUploaded() {
        TestImages.Image img = TestImages.image("linux/amd64", "mount with one token");
        TestImages.push(f.client(), "team/mount-src", "v1", img);
        String layer = img.layers().get(0).digest();
        var h = f.alice();
        ok(call(h, "api_version")); // the realm is known: tokens are fetched before requests from now on
        f.tokens.resetCounts();
        var r = call(h, "mount_blob", "repository", "team/mount-dst", "digest", layer, "from", "team/mount-src");
        assertEquals(201, r.statusCode(), () -> String.valueOf(ok(r)));
        assertTrue(ok(r).path("mounted").asBoolean());
        assertEquals(1, f.tokens.requests().size(), f.tokens.requests().toString());
        var token = f.tokens.requests().get(0);
        assertTrue(token.scopes().contains("repository:team/mount-dst:pull,push")
            && token.scopes().contains("repository:team/mount-src:pull"), token.toString());
        assertEquals(java.util.Set.of("pull"), token.granted().get("team/mount-src"), token.toString());
        assertEquals(Boolean.TRUE, call(h, "check_blob", "repository", "team/mount-dst", "digest", layer).exists());
    }

    @Test
    void anUnknownBlobIsNotMountedAndASessionIsOpened() {
        var r = call(f.alice(), "mount_blob", "repository", "team/target", "digest", "sha256:" + "2".repeat(64),
            "from", "team/source");
        assertFalse(ok(r).path("mounted").asBoolean());
        assertEquals(202, r.statusCode());
        assertTrue(ok(r).path("location").asText().contains("/blobs/uploads/"));
        assertFalse(r.warnings().isEmpty());
        assertTrue(r.warnings().get(0).contains("did not mount"), r.warnings().toString());
        assertEquals(Boolean.FALSE, call(f.alice(), "check_blob", "repository", "team/target", "digest",
            "sha256:" + "2".repeat(64)).exists(), "nothing was mounted");
    }
}
