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

class StartUploadTest {
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
    void opensASessionWithALocation() {
        JsonNode d = ok(call(f.alice(), "start_upload", "repository", "team/up"));
        assertTrue(d.path("location").asText().contains("/v2/team/up/blobs/uploads/"), d.toString());
        assertFalse(d.path("upload_uuid").asText().isEmpty());
    }

    @Test
    void isDestructiveAndRefusedUnlessAllowed() {
        var e = failed(call(f.as("alice", false), "start_upload", "repository", "team/up"));
        assertEquals(ErrorType.DESTRUCTIVE_REFUSED, e.type());
    }

    @Test
    void anonymousPushIsDeniedClearly() {
        var e = failed(call(f.as(null, true), "start_upload", "repository", "public/app"));
        assertEquals(ErrorType.UNAUTHORIZED, e.type());
        assertTrue(e.message().contains("anonymous") && e.message().contains("pull,push"), e.message());
        assertEquals("UNAUTHORIZED", codes(e));
    }
}
