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

class GetManifestTest {
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
    void fetchesOciAndDockerManifestsByTagAndDigestWithTheirExactDigest() {
        TestImages.Image oci = TestImages.image("linux/amd64", "oci layer");
        TestImages.Image docker = TestImages.image("linux/amd64", true, "docker layer");
        TestImages.push(f.client(), "team/manifests", "oci", oci);
        TestImages.push(f.client(), "team/manifests", "docker", docker);

        JsonNode byTag = ok(call(f.alice(), "get_manifest", "repository", "team/manifests", "reference", "oci"));
        assertEquals(oci.manifest().digest(), byTag.path("digest").asText());
        assertEquals(TestImages.OCI_MANIFEST, byTag.path("media_type").asText());
        assertEquals(oci.manifest().size(), byTag.path("size").asLong());
        assertEquals(oci.config().digest(), byTag.path("manifest").path("config").path("digest").asText());

        JsonNode dockerByDigest = ok(call(f.alice(), "get_manifest", "repository", "team/manifests",
            "reference", docker.manifest().digest()));
        assertEquals(TestImages.DOCKER_MANIFEST, dockerByDigest.path("media_type").asText());
        assertEquals(docker.manifest().digest(), dockerByDigest.path("digest").asText());
    }

    @Test
    void unknownTagIsNotFoundWithTheRegistryErrorCode() {
        TestImages.push(f.client(), "team/manifests2", "v1", TestImages.image("linux/amd64", "x"));
        var e = failed(call(f.alice(), "get_manifest", "repository", "team/manifests2", "reference", "nope"));
        assertEquals(ErrorType.NOT_FOUND, e.type());
        assertEquals("MANIFEST_UNKNOWN", codes(e));
        assertTrue(e.message().contains("MANIFEST_UNKNOWN"), e.message());
    }

    @Test
    void invalidNamesAreRefusedBeforeAnyRequest() {
        long before = f.tokens.requests().size();
        var e = failed(call(f.alice(), "get_manifest", "repository", "Team/UPPER", "reference", "v1"));
        assertEquals(ErrorType.VALIDATION, e.type());
        e = failed(call(f.alice(), "get_manifest", "repository", "team/app", "reference", "../../x"));
        assertEquals(ErrorType.VALIDATION, e.type());
        assertEquals(before, f.tokens.requests().size(), "nothing may reach the network");
    }
}
