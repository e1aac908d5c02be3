package dev.dockerhubmcp.testkit;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubClientAgainstFakeHubTest {

    private static DefaultUpstreams upstreams(FakeHub hub, Credentials creds) {
        return new DefaultUpstreams(UpstreamConfig.builder().hubUrl(hub.url()).credentials(creds)
            .maxRetryWait(Duration.ofSeconds(2)).maxTotalRetryWait(Duration.ofSeconds(5)).build());
    }

    @Test
    void mintsOnceAndReusesTheToken() {
        try (FakeHub hub = FakeHub.start().user("alice", "dckr_pat_abc");
             DefaultUpstreams up = upstreams(hub, Credentials.of("alice", "dckr_pat_abc", "test"))) {
            hub.on("GET", "/v2/access-tokens").respond(200, "{\"count\":0,\"results\":[]}");
            for (int i = 0; i < 3; i++) {
                HubResponse r = up.hub().send(HubRequest.get("/v2/access-tokens").build());
                assertEquals(200, r.status());
            }
            assertEquals(1, hub.mintCount());
            assertEquals(1, hub.requests("POST", "/v2/auth/token").size());
            assertEquals("alice", hub.requests("POST", "/v2/auth/token").get(0).json().path("identifier").asText());
        }
    }

    @Test
    void reMintsOnceAfter401AndRetries() {
        try (FakeHub hub = FakeHub.start().user("alice", "pw");
             DefaultUpstreams up = upstreams(hub, Credentials.of("alice", "pw", "test"))) {
            hub.on("GET", "/v2/access-tokens").respond(200, "{\"count\":0,\"results\":[]}");
            up.hub().send(HubRequest.get("/v2/access-tokens").build());
            hub.expireTokens();
            assertEquals(200, up.hub().send(HubRequest.get("/v2/access-tokens").build()).status());
            assertEquals(2, hub.mintCount());
        }
    }

    @Test
    void refusedCredentialsNameTheIdentity() {
        try (FakeHub hub = FakeHub.start().user("alice", "pw");
             DefaultUpstreams up = upstreams(hub, Credentials.of("alice", "wrong", "DOCKER_HUB_USER/DOCKER_HUB_TOKEN"))) {
            ActionException e = assertThrows(ActionException.class,
                () -> up.hub().send(HubRequest.get("/v2/access-tokens").build()));
            assertEquals(ErrorType.UNAUTHORIZED, e.error().type());
            assertTrue(e.getMessage().contains("alice"), e.getMessage());
            assertTrue(e.getMessage().contains("DOCKER_HUB_USER"), e.getMessage());
            assertTrue(!e.getMessage().contains("wrong"), "secret leaked: " + e.getMessage());
        }
    }

    @Test
    void retries429HonouringRetryAfterThenSucceeds() {
        try (FakeHub hub = FakeHub.start().requireAuth(false);
             DefaultUpstreams up = upstreams(hub, Credentials.ANONYMOUS)) {
            hub.on("GET", "/v2/namespaces/library/repositories").once(FakeResponse.tooManyRequests(1))
                .respond(200, "{\"count\":1,\"results\":[{\"name\":\"nginx\"}]}");
            long t0 = System.nanoTime();
            HubResponse r = up.hub().send(HubRequest.get("/v2/namespaces/{}/repositories", "library")
                .auth(HubAuth.OPTIONAL).build());
            assertEquals(200, r.status());
            assertTrue(System.nanoTime() - t0 >= 900_000_000L, "Retry-After: 1 was not honoured");
            assertEquals(2, hub.requests().size());
        }
    }

    @Test
    void persistent429BecomesRateLimitedWithRetryAfter() {
        try (FakeHub hub = FakeHub.start().requireAuth(false);
             DefaultUpstreams up = upstreams(hub, Credentials.ANONYMOUS)) {
            hub.on("GET", "/v2/namespaces/library/repositories").respond(FakeResponse.tooManyRequests(3600));
            ActionException e = assertThrows(ActionException.class, () -> up.hub().send(
                HubRequest.get("/v2/namespaces/{}/repositories", "library").auth(HubAuth.OPTIONAL).build()));
            assertEquals(ErrorType.RATE_LIMITED, e.error().type());
            assertEquals(3600L, e.error().retryAfter());
            assertEquals(1, hub.requests().size(), "a wait longer than the cap is not waited");
        }
    }

    @Test
    void hundredConcurrentCallsWithExpiredTokenMintOnce() throws Exception {
        try (FakeHub hub = FakeHub.start().user("alice", "pw").mintDelay(Duration.ofMillis(200));
             DefaultUpstreams up = upstreams(hub, Credentials.of("alice", "pw", "test"))) {
            hub.on("GET", "/v2/access-tokens").respond(200, "{\"count\":0,\"results\":[]}");
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(() -> up.hub().send(HubRequest.get("/v2/access-tokens").build()).status());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(200, f.get());
            }
            pool.shutdown();
            assertEquals(1, hub.mintCount());
        }
    }

    @Test
    void pathSegmentsCannotEscape() {
        assertThrows(ActionException.class, () -> HubRequest.get("/v2/namespaces/{}/repositories", "../admin"));
        assertThrows(ActionException.class, () -> HubRequest.get("/v2/namespaces/{}/repositories", "a/b"));
        assertEquals("/v2/namespaces/a%20b/repositories",
            HubRequest.get("/v2/namespaces/{}/repositories", "a b").build().path());
    }

    @Test
    void anonymousCallToAuthenticatedActionSaysWhatToSet() {
        try (FakeHub hub = FakeHub.start(); DefaultUpstreams up = upstreams(hub, Credentials.ANONYMOUS)) {
            ActionException e = assertThrows(ActionException.class,
                () -> up.hub().send(HubRequest.get("/v2/access-tokens").build()));
            assertEquals(ErrorType.UNAUTHORIZED, e.error().type());
            assertTrue(e.getMessage().contains("DOCKER_HUB_USER"));
            assertEquals(0, hub.requests().size(), "nothing is sent without credentials");
        }
    }
}
