package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.testkit.FakeHttpServer;
import dev.dockerhubmcp.testkit.FakeResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tag → digest resolution when the registry says less than usual. */
class ImageTargetTest {

    private static ActionContext context(RegistryClient registry) {
        return new ActionContext() {
            @Override
            public <T> T client(Class<T> type) {
                if (type != RegistryClient.class) {
                    throw new UnsupportedOperationException();
                }
                return type.cast(registry);
            }

            @Override
            public RateLimits rateLimits() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aHeadWithoutDigestOrTypeFallsBackToOneGetAndHashesTheBody() {
        try (FakeHttpServer reg = FakeHttpServer.start()) {
            String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}";
            reg.on("HEAD", "/v2/myorg/app/manifests/1.0").respond(FakeResponse.status(200));
            reg.on("GET", "/v2/myorg/app/manifests/1.0").respond(FakeResponse.text(200, "application/json", manifest));
            ImageTarget t = ImageTarget.resolve(context(new TestRegistryClient(reg.url())), "image", "myorg/app:1.0",
                null);
            String expected = "sha256:" + FakeRegistry.sha(manifest.getBytes(StandardCharsets.UTF_8));
            assertEquals(expected, t.imageDigest());
            assertEquals(expected, t.referenceDigest());
            assertFalse(t.multiArch());
            assertEquals(1, reg.requests("GET", "/v2/myorg/app/manifests/1.0").size());
        }
    }

    @Test
    void aDockerManifestListIsAnIndexToo() {
        try (FakeHttpServer reg = FakeHttpServer.start()) {
            String list = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.list.v2+json\","
                + "\"manifests\":[{\"digest\":\"sha256:" + "a".repeat(64) + "\",\"platform\":{\"os\":\"linux\","
                + "\"architecture\":\"arm\",\"variant\":\"v7\"}},{\"digest\":\"sha256:" + "b".repeat(64) + "\","
                + "\"platform\":{\"os\":\"linux\",\"architecture\":\"arm\",\"variant\":\"v6\"}}]}";
            String digest = "sha256:" + "c".repeat(64);
            reg.on("HEAD", "/v2/library/busybox/manifests/latest").respond(new FakeResponse(200, Map.of(
                "Content-Type", "application/vnd.docker.distribution.manifest.list.v2+json; charset=utf-8",
                "Docker-Content-Digest", digest), new byte[0]));
            reg.on("GET", "/v2/library/busybox/manifests/" + digest).respond(FakeResponse.text(200,
                "application/vnd.docker.distribution.manifest.list.v2+json", list));
            ImageTarget t = ImageTarget.resolve(context(new TestRegistryClient(reg.url())), "image", "busybox",
                Platform.parse("linux/arm/v6"));
            assertEquals("sha256:" + "b".repeat(64), t.imageDigest());
            assertEquals(digest, t.referenceDigest());
            assertTrue(t.multiArch());
            assertEquals("latest", t.tag());
            ImageTarget loose = ImageTarget.resolve(context(new TestRegistryClient(reg.url())), "image", "busybox",
                Platform.parse("linux/arm"));
            assertEquals("sha256:" + "a".repeat(64), loose.imageDigest(), "no variant asked: the first arm entry");
        }
    }

    @Test
    void platformGrammar() {
        assertEquals(new Platform("linux", "arm64", "v8"), Platform.parse("linux/arm64/v8"));
        ObjectNode v = Platform.parse("windows/amd64").toVariable();
        assertEquals(JsonNodeFactory.instance.objectNode().put("os", "windows").put("architecture", "amd64"), v);
        ActionException e = assertThrows(ActionException.class, () -> Platform.parse("linux/"));
        assertEquals(ErrorType.VALIDATION, e.error().type());
        assertTrue(e.getMessage().contains("'platform'"));
    }
}
