package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.testkit.registry.FakeRegistry;
import dev.dockerhubmcp.testkit.registry.TestImages;
import org.junit.jupiter.api.Test;

import static dev.dockerhubmcp.plugins.registry.Fixture.call;
import static dev.dockerhubmcp.plugins.registry.Fixture.failed;
import static dev.dockerhubmcp.plugins.registry.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 429 storms, Retry-After and the registry's RateLimit-* headers, through the shared engine. */
class RateLimitTest {

    @Test
    void a429IsRetriedAfterRetryAfterThenSucceeds() {
        try (FakeRegistry fake = FakeRegistry.start().rateLimit("100;w=21600", "76;w=21600");
             var h = FakeFixture.harness(fake, false)) {
            String digest = fake.putImage("library/nginx", "latest", TestImages.image("linux/amd64", "n"));
            fake.tooManyRequests(2, "1");
            long t0 = System.nanoTime();
            var r = call(h, "resolve_digest", "repository", "nginx");
            JsonNode d = ok(r);
            assertEquals(digest, d.path("digest").asText());
            assertTrue(System.nanoTime() - t0 >= 1_900_000_000L, "waited Retry-After twice");
            assertEquals(3, fake.requests().size());
            var snap = h.upstreams().rateLimits().registry();
            assertEquals(100L, snap.limit());
            assertEquals(76L, snap.remaining());
            assertEquals(21600L, snap.window());
        }
    }

    @Test
    void anExhausted429StormIsRateLimitedWithRetryAfter() {
        try (FakeRegistry fake = FakeRegistry.start(); var h = FakeFixture.harness(fake, false)) {
            fake.tooManyRequests(10, "2");
            var e = failed(call(h, "list_tags", "repository", "docker.io/library/nginx"));
            assertEquals(ErrorType.RATE_LIMITED, e.type());
            assertEquals(429, e.statusCode());
            assertEquals(2L, e.retryAfter());
            assertEquals("TOOMANYREQUESTS", Fixture.codes(e));
            assertTrue(fake.requests().size() >= 2 && fake.requests().size() <= 4, fake.requests().toString());
            assertTrue(fake.requests().get(0).startsWith("GET /v2/library/nginx/tags/list"), "docker.io/ stripped");
        }
    }

    @Test
    void aLongRetryAfterIsNotWaitedFor() {
        try (FakeRegistry fake = FakeRegistry.start(); var h = FakeFixture.harness(fake, false)) {
            fake.tooManyRequests(1, "3600");
            long t0 = System.nanoTime();
            var e = failed(call(h, "check_manifest", "repository", "team/app"));
            assertEquals(ErrorType.RATE_LIMITED, e.type());
            assertEquals(3600L, e.retryAfter());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "did not wait an hour");
        }
    }
}
