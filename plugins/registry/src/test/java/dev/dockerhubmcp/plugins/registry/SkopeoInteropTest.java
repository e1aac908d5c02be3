package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.registry.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.dockerhubmcp.plugins.registry.Fixture.call;
import static dev.dockerhubmcp.plugins.registry.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** skopeo (containers/image), a client nobody here wrote, against the same registry and token server. */
class SkopeoInteropTest {
    static Fixture f;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/skopeo")), "skopeo is missing: run .ci/install-tools");
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void whatSkopeoPushesThePluginInspectsWithTheSameDigests() throws Exception {
        TestImages.Image amd = TestImages.image("linux/amd64", "skopeo amd64");
        TestImages.Image arm = TestImages.image("linux/arm64/v8", "skopeo arm64");
        TestImages.Index idx = TestImages.index(false, true, amd, arm);
        Path layout = tmp.resolve("layout");
        TestImages.writeOciLayout(layout, "v1", idx.index(), TestImages.contentOf(idx));

        run("skopeo", "--insecure-policy", "copy", "--all", "--preserve-digests", "--dest-tls-verify=false",
            "--dest-creds", "alice:alice-pw", "oci:" + layout + ":v1",
            "docker://" + f.registry.hostPort() + "/team/from-skopeo:v1");

        JsonNode d = ok(call(f.alice(), "inspect", "repository", "team/from-skopeo", "reference", "v1",
            "include_layers", true));
        assertEquals(idx.index().digest(), d.path("digest").asText());
        assertEquals(amd.manifest().digest(), d.path("manifests").get(0).path("digest").asText());
        assertEquals(arm.manifest().digest(), d.path("manifests").get(1).path("digest").asText());
        assertEquals("linux/arm64/v8", d.path("manifests").get(1).path("platform").asText());
        assertEquals(arm.layers().get(0).digest(), d.path("manifests").get(1).path("layers").get(0).path("digest")
            .asText());
        assertEquals(idx.attestation().manifest().digest(), d.path("attestations").get(0).path("digest").asText());
        JsonNode cfg = ok(call(f.alice(), "get_config", "repository", "team/from-skopeo", "reference", "v1",
            "platform", "linux/arm64/v8"));
        assertEquals(arm.config().digest(), cfg.path("config_digest").asText());
    }

    @Test
    void whatThePluginPushesSkopeoReadsByteForByte() throws Exception {
        TestImages.Image img = TestImages.image("linux/amd64", true, "pushed by the plugin", "second layer");
        var h = f.alice();
        for (TestImages.Blob b : img.blobs()) {
            Path file = tmp.resolve(b.digest().substring(7));
            Files.write(file, b.bytes());
            ok(call(h, "push_blob", "repository", "team/to-skopeo", "source_path", file.toString()));
        }
        ok(call(h, "put_manifest", "repository", "team/to-skopeo", "reference", "v1",
            "manifest", img.manifest().text()));

        byte[] raw = run("skopeo", "inspect", "--raw", "--tls-verify=false", "--creds", "alice:alice-pw",
            "docker://" + f.registry.hostPort() + "/team/to-skopeo:v1");
        assertEquals(img.manifest().text(), new String(raw, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(Arrays.equals(img.manifest().bytes(), raw), "byte for byte");

        Path out = tmp.resolve("copied");
        run("skopeo", "--insecure-policy", "copy", "--src-tls-verify=false", "--src-creds", "alice:alice-pw",
            "docker://" + f.registry.hostPort() + "/team/to-skopeo:v1", "dir:" + out);
        for (TestImages.Blob b : img.layers()) {
            assertTrue(Arrays.equals(b.bytes(), Files.readAllBytes(out.resolve(b.digest().substring(7)))),
                "skopeo fetched and verified layer " + b.digest());
        }
    }

    private byte[] run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(tmp.resolve("skopeo.err").toFile());
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("XDG_RUNTIME_DIR", tmp.toString());
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("skopeo timed out: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("skopeo failed (" + p.exitValue() + "): " + cmd + "\n"
                + Files.readString(tmp.resolve("skopeo.err")) + "\nregistry log:\n" + f.registry.log());
        }
        return out.toByteArray();
    }
}
