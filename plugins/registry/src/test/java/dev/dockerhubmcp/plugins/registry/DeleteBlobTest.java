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

class DeleteBlobTest {
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
    void deletesABlob() {
        TestImages.Blob b = new TestImages.Blob("application/octet-stream", random(5000, 11));
        TestImages.pushBlob(f.client(), "team/delblob", b);
        JsonNode d = ok(call(f.alice(), "delete_blob", "repository", "team/delblob", "digest", b.digest()));
        assertEquals(b.digest(), d.path("deleted").asText());
        assertEquals(Boolean.FALSE, call(f.alice(), "check_blob", "repository", "team/delblob", "digest", b.digest())
            .exists());
        var again = failed(call(f.alice(), "delete_blob", "repository", "team/delblob", "digest", b.digest()));
        assertEquals(ErrorType.NOT_FOUND, again.type());
        assertEquals("BLOB_UNKNOWN", codes(again));
    }
}
