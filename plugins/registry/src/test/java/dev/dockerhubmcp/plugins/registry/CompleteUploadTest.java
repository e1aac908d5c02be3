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

class CompleteUploadTest {
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
    void monolithicUploadWithTheLastChunk() {
        byte[] blob = random(70_000, 8);
        var h = f.alice();
        String loc = ok(call(h, "start_upload", "repository", "team/complete")).path("location").asText();
        JsonNode done = ok(call(h, "complete_upload", "repository", "team/complete", "location", loc,
            "digest", TestImages.sha256(blob), "chunk_base64", Base64.getEncoder().encodeToString(blob)));
        assertEquals(TestImages.sha256(blob), done.path("digest").asText());
        assertTrue(done.path("location").asText().endsWith("/blobs/" + TestImages.sha256(blob)));
    }

    @Test
    void aWrongDigestIsRefusedWithDigestInvalid() {
        byte[] blob = random(1000, 9);
        var h = f.alice();
        String loc = ok(call(h, "start_upload", "repository", "team/complete")).path("location").asText();
        var e = failed(call(h, "complete_upload", "repository", "team/complete", "location", loc,
            "digest", TestImages.sha256(random(1000, 10)), "chunk_base64", Base64.getEncoder().encodeToString(blob)));
        assertEquals("DIGEST_INVALID", codes(e));
        assertEquals(400, e.statusCode());
        assertTrue(e.message().contains("DIGEST_INVALID"), e.message());
    }

    @Test
    void anUnknownSessionIsBlobUploadUnknown() {
        var e = failed(call(f.alice(), "complete_upload", "repository", "team/complete",
            "location", "/v2/team/complete/blobs/uploads/6f1c2b1e-0000-4000-8000-000000000000?_state=x",
            "digest", TestImages.sha256(new byte[0])));
        assertTrue(codes(e).startsWith("BLOB_UPLOAD_"), codes(e) + " / " + e.message());
    }
}
