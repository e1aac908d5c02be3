package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.testkit.registry.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.dockerhubmcp.plugins.registry.Fixture.MAPPER;
import static dev.dockerhubmcp.plugins.registry.Fixture.call;
import static dev.dockerhubmcp.plugins.registry.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The referrers tag schema kept by the client against distribution 2.8.2, which has no referrers API and so answers
 * a manifest with a subject without {@code OCI-Subject}; skopeo reads the same tag index.
 */
class ReferrersTagTest {
    static final String SBOM = "application/spdx+json";
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
    void anSbomWithASubjectIsListedInTheTagIndexAndLeavesItWhenDeleted() throws Exception {
        TestImages.Image img = TestImages.image("linux/amd64", "sbom subject");
        String subject = TestImages.push(f.client(), "team/sbom", "v1", img);
        TestImages.Blob sbom = TestImages.referrer(SBOM, img.manifest(), "{\"spdxVersion\":\"SPDX-2.3\"}");
        pushArtifactBlobs("team/sbom", "{\"spdxVersion\":\"SPDX-2.3\"}");
        String tag = "sha256-" + subject.substring("sha256:".length());
        var h = f.alice();

        JsonNode put = ok(call(h, "put_manifest", "repository", "team/sbom", "reference", sbom.digest(),
            "manifest", sbom.text()));
        assertEquals("client", put.at("/referrers/maintained_by").asText(), put.toString());
        assertEquals("added", put.at("/referrers/action").asText(), put.toString());
        assertEquals(tag, put.at("/referrers/tag").asText());

        JsonNode index = tagIndex("team/sbom", tag);
        assertEquals(TestImages.OCI_INDEX, index.path("mediaType").asText());
        assertEquals(1, index.path("manifests").size(), index.toString());
        JsonNode d = index.path("manifests").get(0);
        assertEquals(TestImages.OCI_MANIFEST, d.path("mediaType").asText());
        assertEquals(sbom.digest(), d.path("digest").asText());
        assertEquals(sbom.size(), d.path("size").asLong());
        assertEquals(SBOM, d.path("artifactType").asText());
        assertEquals("2024-01-01T00:00:00Z", d.path("annotations").path("org.opencontainers.image.created").asText());

        JsonNode listed = ok(call(h, "list_referrers", "repository", "team/sbom", "digest", subject));
        assertEquals("tag_schema", listed.path("source").asText());
        assertEquals(1, listed.path("count").asInt());
        assertEquals(sbom.digest(), listed.path("referrers").get(0).path("digest").asText());
        assertEquals(SBOM, listed.path("referrers").get(0).path("artifact_type").asText());

        JsonNode seenBySkopeo = MAPPER.readTree(skopeoRaw("team/sbom:" + tag));
        assertEquals(index, seenBySkopeo, "skopeo reads the same index");

        JsonNode again = ok(call(h, "put_manifest", "repository", "team/sbom", "reference", sbom.digest(),
            "manifest", sbom.text()));
        assertEquals("already_listed", again.at("/referrers/action").asText());
        assertEquals(1, tagIndex("team/sbom", tag).path("manifests").size(), "no duplicate");

        JsonNode deleted = ok(call(h, "delete_manifest", "repository", "team/sbom", "reference", sbom.digest()));
        assertEquals("removed", deleted.at("/referrers/action").asText(), deleted.toString());
        assertEquals(0, tagIndex("team/sbom", tag).path("manifests").size());
        assertEquals(0, ok(call(h, "list_referrers", "repository", "team/sbom", "digest", subject))
            .path("count").asInt());
        assertEquals(0, MAPPER.readTree(skopeoRaw("team/sbom:" + tag)).path("manifests").size());
        assertEquals(subject, ok(call(h, "resolve_digest", "repository", "team/sbom", "reference", "v1"))
            .path("digest").asText(), "the subject itself is untouched");
    }

    @Test
    void aSha512SubjectIsTaggedWithItsFirst64HexDigits() {
        String hex = "ab".repeat(64);
        String subject = "sha512:" + hex;
        TestImages.Image img = TestImages.image("linux/amd64", "sha512 subject");
        ObjectNode m = (ObjectNode) readTree(TestImages.referrer(SBOM, img.manifest(), "{\"sha512\":true}").text());
        ((ObjectNode) m.get("subject")).put("digest", subject).put("size", 1234);
        String manifest = m.toString();
        pushArtifactBlobs("team/sha512", "{\"sha512\":true}");
        var h = f.alice();

        JsonNode put = ok(call(h, "put_manifest", "repository", "team/sha512", "reference", "art",
            "manifest", manifest));
        String tag = "sha512-" + hex.substring(0, 64);
        assertEquals(tag, put.at("/referrers/tag").asText(), put.toString());
        assertEquals(tag, ReferrersTag.tag(subject));
        assertEquals(1, tagIndex("team/sha512", tag).path("manifests").size());

        JsonNode listed = ok(call(h, "list_referrers", "repository", "team/sha512", "digest", subject));
        assertEquals(1, listed.path("count").asInt(), listed.toString());
        assertEquals(put.path("digest").asText(), listed.path("referrers").get(0).path("digest").asText());
    }

    /** The artifact's empty config and its one layer. */
    private static void pushArtifactBlobs(String repo, String payload) {
        TestImages.pushBlob(f.client(), repo, new TestImages.Blob("application/vnd.oci.empty.v1+json",
            "{}".getBytes(StandardCharsets.UTF_8)));
        TestImages.pushBlob(f.client(), repo, new TestImages.Blob("application/json",
            payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode tagIndex(String repo, String tag) {
        return f.client().send(RegistryRequest.builder("GET", repo).path("manifests/" + tag)
            .header("Accept", TestImages.OCI_INDEX).build()).json();
    }

    private static JsonNode readTree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] skopeoRaw(String ref) throws IOException, InterruptedException {
        List<String> cmd = List.of("skopeo", "inspect", "--raw", "--tls-verify=false", "--creds", "alice:alice-pw",
            "docker://" + f.registry.hostPort() + "/" + ref);
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
                + Files.readString(tmp.resolve("skopeo.err")));
        }
        return out.toByteArray();
    }
}
