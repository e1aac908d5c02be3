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

class CheckBlobTest {
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
    void presentAndAbsentBlobs() {
        TestImages.Image img = TestImages.image("linux/amd64", "blob check");
        TestImages.push(f.client(), "team/blobs", "v1", img);
        var present = call(f.alice(), "check_blob", "repository", "team/blobs", "digest", img.layers().get(0).digest());
        assertEquals(Boolean.TRUE, present.exists());
        assertEquals(img.layers().get(0).size(), ok(present).path("size").asLong());
        var absent = call(f.alice(), "check_blob", "repository", "team/blobs",
            "digest", "sha256:" + "0".repeat(64));
        assertEquals(Boolean.FALSE, absent.exists());
    }
}
