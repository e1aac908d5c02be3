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

class PushBlobTest {
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
    void streamChunkedAndMonolithicModesStoreTheFileUnderItsDigest() throws Exception {
        byte[] blob = random(2 * 1024 * 1024 + 5, 12);
        Path file = tmp.resolve("layer.bin");
        Files.write(file, blob);
        String digest = TestImages.sha256(blob);
        for (String mode : List.of("stream", "chunked", "monolithic")) {
            String repo = "team/push-" + mode;
            JsonNode d = ok(call(f.alice(), "push_blob", "repository", repo, "source_path", file.toString(),
                "mode", mode, "chunk_size", 700_000));
            assertEquals(digest, d.path("digest").asText(), mode);
            assertTrue(d.path("uploaded").asBoolean());
            if (mode.equals("chunked")) {
                assertEquals(3, d.path("chunks").asInt());
            }
            Path back = tmp.resolve("back-" + mode);
            ok(call(f.alice(), "get_blob", "repository", repo, "digest", digest, "output_path", back.toString()));
            assertTrue(java.util.Arrays.equals(blob, Files.readAllBytes(back)), mode);
        }
        var skipped = call(f.alice(), "push_blob", "repository", "team/push-stream", "source_path", file.toString(),
            "skip_existing", true);
        assertFalse(ok(skipped).path("uploaded").asBoolean());
    }

    @Test
    void pullOnlyUserIsRefused() throws Exception {
        Path file = tmp.resolve("x.bin");
        Files.write(file, random(100, 13));
        var e = failed(call(f.as("bob", true), "push_blob", "repository", "team/bob", "source_path", file.toString()));
        assertEquals(ErrorType.UNAUTHORIZED, e.type());
    }
}
