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

class PutManifestTest {
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
    void putsOciAndDockerManifestsAndAnIndexByteForByte() {
        TestImages.Image oci = TestImages.image("linux/amd64", "put oci");
        TestImages.Image docker = TestImages.image("linux/arm64/v8", true, "put docker");
        var c = f.client();
        oci.blobs().forEach(b -> TestImages.pushBlob(c, "team/put", b));
        docker.blobs().forEach(b -> TestImages.pushBlob(c, "team/put", b));
        var h = f.alice();
        JsonNode o = ok(call(h, "put_manifest", "repository", "team/put", "reference", "oci",
            "manifest", oci.manifest().text()));
        assertEquals(oci.manifest().digest(), o.path("digest").asText());
        assertEquals(TestImages.OCI_MANIFEST, o.path("media_type").asText());
        JsonNode d = ok(call(h, "put_manifest", "repository", "team/put", "reference", docker.manifest().digest(),
            "manifest", docker.manifest().text()));
        assertEquals(docker.manifest().digest(), d.path("digest").asText());

        TestImages.Index idx = TestImages.index(false, false, oci, docker);
        JsonNode i = ok(call(h, "put_manifest", "repository", "team/put", "reference", "multi",
            "manifest", idx.index().text()));
        assertEquals(idx.index().digest(), i.path("digest").asText());
        JsonNode back = ok(call(h, "get_manifest", "repository", "team/put", "reference", "multi"));
        assertEquals(idx.index().digest(), back.path("digest").asText());
        assertEquals(TestImages.DOCKER_MANIFEST, back.path("manifest").path("manifests").get(1).path("mediaType")
            .asText());
    }

    @Test
    void anObjectManifestIsSentAsCompactJson() throws Exception {
        TestImages.Image img = TestImages.image("linux/amd64", "object form");
        img.blobs().forEach(b -> TestImages.pushBlob(f.client(), "team/put", b));
        var node = Fixture.MAPPER.readTree(img.manifest().bytes());
        JsonNode r = ok(f.alice().call(Fixture.PLUGIN, "put_manifest", Fixture.args("repository", "team/put",
            "reference", "object", "manifest", node)));
        assertEquals(img.manifest().digest(), r.path("digest").asText(), "compact JSON equals the builder's bytes");
    }

    @Test
    void missingBlobsAndWrongDigestsAreRefused() {
        TestImages.Image img = TestImages.image("linux/amd64", "never pushed");
        var e = failed(call(f.alice(), "put_manifest", "repository", "team/put", "reference", "broken",
            "manifest", img.manifest().text()));
        assertEquals("MANIFEST_BLOB_UNKNOWN", codes(e).split(" ")[0]);
        var v = failed(call(f.alice(), "put_manifest", "repository", "team/put", "reference", "sha256:" + "3".repeat(64),
            "manifest", img.manifest().text()));
        assertEquals(ErrorType.VALIDATION, v.type());
        var noType = failed(call(f.alice(), "put_manifest", "repository", "team/put", "reference", "x",
            "manifest", "{\"schemaVersion\":2}"));
        assertTrue(noType.message().contains("media_type"), noType.message());
    }
}
