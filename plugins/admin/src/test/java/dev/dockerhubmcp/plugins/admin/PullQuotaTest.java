package dev.dockerhubmcp.plugins.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.files.NewLocalFile;
import dev.dockerhubmcp.api.registry.BlobDownload;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;
import dev.dockerhubmcp.api.registry.RegistryStream;
import dev.dockerhubmcp.api.registry.TransferMonitor;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHub;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PullQuotaTest {

    @Test
    void readsLimitRemainingWindowAndSource() {
        Result r = PullQuota.fromAnswer(200, Map.of("ratelimit-limit", List.of("100;w=21600"),
            "ratelimit-remaining", List.of("76;w=21600"), "docker-ratelimit-source", List.of("203.0.113.9")));
        JsonNode d = r.data();
        assertEquals(200, r.statusCode());
        assertEquals(100, d.get("limit").asLong());
        assertEquals(76, d.get("remaining").asLong());
        assertEquals(21600, d.get("window_seconds").asLong());
        assertEquals("203.0.113.9", d.get("source").asText());
        assertFalse(d.get("limited").asBoolean());
        assertFalse(d.has("note"));
    }

    @Test
    void headerNamesInAnyCaseAndWithoutWindow() {
        JsonNode d = PullQuota.fromAnswer(200, Map.of("RateLimit-Limit", List.of("200"),
            "RateLimit-Remaining", List.of("199"))).data();
        assertEquals(200, d.get("limit").asLong());
        assertEquals(199, d.get("remaining").asLong());
        assertTrue(d.get("window_seconds").isNull());
        assertFalse(d.has("source"));
    }

    @Test
    void rateLimitedAnswerIsReportedNotThrown() {
        Result r = PullQuota.fromAnswer(429, Map.of("ratelimit-limit", List.of("100;w=21600"),
            "ratelimit-remaining", List.of("0;w=21600")));
        assertEquals(429, r.statusCode());
        assertTrue(r.data().get("limited").asBoolean());
        assertEquals(0, r.data().get("remaining").asLong());
        assertTrue(PullQuota.fromAnswer(429, Map.of()).data().get("note").asText().contains("429"));
    }

    @Test
    void noHeadersMeansNoLimitReported() {
        JsonNode d = PullQuota.fromAnswer(200, Map.of("docker-content-digest", List.of("sha256:abc"))).data();
        assertTrue(d.get("limit").isNull());
        assertTrue(d.get("remaining").isNull());
        assertTrue(d.get("note").asText().contains("no pull limit"));
    }

    @Test
    void theRequestIsAHeadOfTheDocumentedPreviewManifest() {
        RegistryRequest req = PullQuota.request();
        assertEquals("HEAD", req.method());
        assertEquals("ratelimitpreview/test", req.repository());
        assertEquals("manifests/latest", req.path());
        assertEquals("pull", req.actions());
        assertEquals(RegistryClient.MANIFEST_ACCEPT, req.headers().get("Accept"));
        assertTrue(req.accepting().contains(429));
    }

    /**
     * Until the shared registry client lands on main, the handler runs against a recording stand-in for it; the
     * challenge/token flow is covered there.
     */
    @Test
    void handlerSendsOneHeadAndReportsTheHeaders() {
        List<RegistryRequest> sent = new ArrayList<>();
        RegistryClient registry = new RegistryClient() {
            @Override
            public RegistryResponse send(RegistryRequest request) {
                sent.add(request);
                return new RegistryResponse(200, Map.of("RateLimit-Limit", List.of("100;w=21600"),
                    "RateLimit-Remaining", List.of("99;w=21600"), "Docker-RateLimit-Source", List.of("198.51.100.7"),
                    "Docker-Content-Digest", List.of("sha256:" + "0".repeat(64))), new byte[0]);
            }

            @Override
            public RegistryStream open(RegistryRequest request) {
                throw new AssertionError("pull_quota never streams");
            }

            @Override
            public BlobDownload download(RegistryRequest request, String expectedDigest, java.nio.file.Path target,
                                         int keepHead, TransferMonitor monitor) {
                throw new AssertionError("pull_quota never downloads");
            }

            @Override
            public BlobDownload download(RegistryRequest request, String expectedDigest, NewLocalFile target,
                                         TransferMonitor monitor) {
                throw new AssertionError("pull_quota never downloads");
            }

            @Override
            public String baseUrl() {
                return "https://registry-1.docker.io";
            }
        };
        try (FakeHub hub = FakeHub.start(); ActionHarness h = ActionHarness.builder().hub(hub.url()).build()) {
            Result r = AdminFixture.run(h, "pull_quota", "{}", List.of(), registry);
            JsonNode env = h.envelope(r);
            assertEquals(1, sent.size());
            assertEquals("HEAD", sent.get(0).method());
            assertEquals(99, env.get("data").get("remaining").asLong());
            assertEquals("198.51.100.7", env.get("data").get("source").asText());
            assertEquals("100;w=21600", env.get("headers").get("ratelimit-limit").asText());
            assertFalse(env.get("headers").has("docker-content-digest"), "only the quota headers");
            assertEquals(0, hub.requests().size());
        }
    }

    @Test
    void unknownArgumentsAreRefused() {
        try (FakeHub hub = FakeHub.start(); ActionHarness h = ActionHarness.builder().hub(hub.url()).build()) {
            Result r = h.call(new AdminPlugin(), "pull_quota", "{\"repository\":\"library/nginx\"}");
            assertEquals("validation", h.envelope(r).get("error").get("type").asText());
        }
    }
}
