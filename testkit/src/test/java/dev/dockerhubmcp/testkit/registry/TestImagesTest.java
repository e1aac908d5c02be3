package dev.dockerhubmcp.testkit.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestImagesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void indexListsPlatformsAndAnAttestationForTheFirst() throws Exception {
        TestImages.Image amd = TestImages.image("linux/amd64", "a");
        TestImages.Index idx = TestImages.index(false, true, amd, TestImages.image("linux/arm64/v8", "b"));
        JsonNode m = MAPPER.readTree(idx.index().bytes());
        assertEquals(3, m.path("manifests").size());
        assertEquals("v8", m.path("manifests").get(1).path("platform").path("variant").asText());
        JsonNode att = m.path("manifests").get(2);
        assertEquals("unknown", att.path("platform").path("os").asText());
        assertEquals("attestation-manifest", att.path("annotations").path("vnd.docker.reference.type").asText());
        assertEquals(amd.manifest().digest(), att.path("annotations").path("vnd.docker.reference.digest").asText());
    }

    @Test
    void layersAreGzippedTarsWhoseDiffIdIsInTheConfig(@TempDir Path tmp) throws Exception {
        TestImages.Image img = TestImages.image("linux/amd64", "content");
        byte[] tar = new GZIPInputStream(new ByteArrayInputStream(img.layers().get(0).bytes())).readAllBytes();
        assertEquals(0, tar.length % 512);
        assertEquals(TestImages.sha256(tar), MAPPER.readTree(img.config().bytes()).path("rootfs").path("diff_ids")
            .get(0).asText());
        TestImages.writeOciLayout(tmp, "v1", img.manifest(), TestImages.contentOf(img));
        assertTrue(Files.exists(tmp.resolve("blobs/sha256/" + img.config().digest().substring(7))));
        assertEquals("v1", MAPPER.readTree(tmp.resolve("index.json").toFile()).path("manifests").get(0)
            .path("annotations").path("org.opencontainers.image.ref.name").asText());
    }
}
