package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.testkit.registry.FakeRegistry;
import dev.dockerhubmcp.testkit.registry.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.dockerhubmcp.plugins.registry.Fixture.call;
import static dev.dockerhubmcp.plugins.registry.Fixture.codes;
import static dev.dockerhubmcp.plugins.registry.Fixture.failed;
import static dev.dockerhubmcp.plugins.registry.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GetBlobTest {
    static Fixture f;

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    @Test
    void smallJsonBlobComesBackInlineVerified() {
        TestImages.Image img = TestImages.image("linux/amd64", "inline");
        TestImages.push(f.client(), "team/getblob", "v1", img);
        JsonNode d = ok(call(f.alice(), "get_blob", "repository", "team/getblob", "digest", img.config().digest()));
        assertTrue(d.path("verified").asBoolean());
        assertEquals("json", d.path("kind").asText());
        assertEquals("amd64", d.path("content").path("architecture").asText());
        JsonNode layer = ok(call(f.alice(), "get_blob", "repository", "team/getblob",
            "digest", img.layers().get(0).digest()));
        assertEquals("binary", layer.path("kind").asText());
        assertNull(layer.get("content"));
        assertNull(layer.get("text"));
    }

    @Test
    void largeBlobStreamsToOutputPathWithItsDigestVerified() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(big);
        TestImages.Blob blob = new TestImages.Blob("application/octet-stream", big);
        TestImages.pushBlob(f.client(), "team/getblob", blob);
        var out = tmp.resolve("layer.bin");
        JsonNode d = ok(call(f.alice(), "get_blob", "repository", "team/getblob", "digest", blob.digest(),
            "output_path", out.toString()));
        assertTrue(d.path("verified").asBoolean());
        assertEquals(big.length, d.path("size").asLong());
        assertTrue(java.util.Arrays.equals(big, java.nio.file.Files.readAllBytes(out)));

        JsonNode described = ok(call(f.alice(), "get_blob", "repository", "team/getblob", "digest", blob.digest()));
        assertTrue(described.path("verified").asBoolean());
        assertEquals(big.length, described.path("size").asLong());
        assertNull(described.get("content"));

        var e = failed(call(f.alice(), "get_blob", "repository", "team/getblob", "digest", blob.digest(),
            "output_path", out.toString()));
        assertEquals(ErrorType.VALIDATION, e.type(), "an existing file is not overwritten by default");
    }

    @Test
    void digestMismatchRemovesThePartialFileAndFails() throws Exception {
        try (FakeRegistry fake = FakeRegistry.start(); var h = FakeFixture.harness(fake, false)) {
            byte[] good = new byte[600 * 1024];
            new java.util.Random(1).nextBytes(good);
            String digest = TestImages.sha256(good);
            byte[] bad = good.clone();
            bad[300_000] ^= 1;
            fake.putBlobAs(digest, bad);
            var out = tmp.resolve("bad.bin");
            var e = failed(call(h, "get_blob", "repository", "team/app", "digest", digest,
                "output_path", out.toString()));
            assertEquals(ErrorType.UPSTREAM, e.type());
            assertTrue(e.message().contains("digest mismatch") && e.message().contains("removed"), e.message());
            try (var files = java.nio.file.Files.list(tmp)) {
                assertEquals(0, files.count(), "no partial file may remain");
            }
            var inline = failed(call(h, "get_blob", "repository", "team/app", "digest", digest));
            assertTrue(inline.message().contains("digest mismatch"), inline.message());
        }
    }

    @Test
    void followsRedirectsToStorageWithoutForwardingTheToken() {
        try (FakeRegistry fake = FakeRegistry.start().requireAuth(true).redirectBlobs(true);
             var h = FakeFixture.harness(fake, false)) {
            byte[] text = "hello from storage\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String digest = fake.putBlob(text);
            JsonNode d = ok(call(h, "get_blob", "repository", "team/app", "digest", digest));
            assertEquals("text", d.path("kind").asText());
            assertEquals("hello from storage\n", d.path("text").asText());
            assertEquals(List.of(""), fake.storageAuthorizations(), "the bearer token must stay with the registry");
            assertEquals(1, fake.tokenRequests());
        }
    }
}
