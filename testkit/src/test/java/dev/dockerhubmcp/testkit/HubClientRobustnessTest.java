package dev.dockerhubmcp.testkit;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.HttpEngine;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.engine.http.hub.DefaultHubClient;
import dev.dockerhubmcp.api.hub.HubIdentity;
import dev.dockerhubmcp.api.hub.HubRequest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Hub client's token life cycle and failure reporting against FakeHub, with a clock the test moves. */
class HubClientRobustnessTest {
    private static final String TOKENS = "/v2/access-tokens";

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private record Client(HttpEngine engine, DefaultHubClient hub, RateLimits rateLimits) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
        }
    }

    private static Client client(FakeHub hub, Credentials creds, Clock clock) {
        RateLimits limits = new RateLimits();
        HttpEngine engine = new HttpEngine(UpstreamConfig.builder().hubUrl(hub.url()).credentials(creds)
            .maxRetryWait(Duration.ofSeconds(2)).maxTotalRetryWait(Duration.ofSeconds(5)).build(), limits);
        return new Client(engine, new DefaultHubClient(engine, clock), limits);
    }

    private static void list(Client c) {
        c.hub().send(HubRequest.get(TOKENS).build());
    }

    @Test
    void refreshesWhenLessThanSixtySecondsRemain() {
        MovableClock clock = new MovableClock();
        try (FakeHub hub = FakeHub.start().user("alice", "dckr_pat_a").tokenLifetime(Duration.ofMinutes(10));
             Client c = client(hub, Credentials.of("alice", "dckr_pat_a", "test"), clock)) {
            hub.on("GET", TOKENS).respond(200, "{\"count\":0,\"results\":[]}");
            list(c);
            clock.advance(Duration.ofSeconds(8 * 60 + 50)); // 70 s left
            list(c);
            assertEquals(1, hub.mintCount(), "70 s left: the token is reused");
            clock.advance(Duration.ofSeconds(20)); // 50 s left
            list(c);
            assertEquals(2, hub.mintCount(), "50 s left: refreshed before use");
            List<RecordedRequest> calls = hub.requests("GET", TOKENS);
            assertEquals(calls.get(0).bearer(), calls.get(1).bearer());
            assertNotEquals(calls.get(1).bearer(), calls.get(2).bearer());
        }
    }

    @Test
    void shortLivedTokensAreReusedUntilAQuarterOfTheirLifetimeRemains() {
        MovableClock clock = new MovableClock();
        try (FakeHub hub = FakeHub.start().user("alice", "dckr_pat_a").tokenLifetime(Duration.ofSeconds(60));
             Client c = client(hub, Credentials.of("alice", "dckr_pat_a", "test"), clock)) {
            hub.on("GET", TOKENS).respond(200, "{\"count\":0,\"results\":[]}");
            list(c);
            list(c);
            clock.advance(Duration.ofSeconds(40)); // 20 s of 60 left
            list(c);
            assertEquals(1, hub.mintCount(), "a 60 s token is reused while more than 15 s remain");
            clock.advance(Duration.ofSeconds(10)); // 10 s left
            list(c);
            list(c);
            assertEquals(2, hub.mintCount(), "10 s left: refreshed once, then the new token is reused");
        }
        try (FakeHub hub = FakeHub.start().user("alice", "dckr_pat_a").tokenLifetime(Duration.ofSeconds(8));
             Client c = client(hub, Credentials.of("alice", "dckr_pat_a", "test"), clock)) {
            hub.on("GET", TOKENS).respond(200, "{\"count\":0,\"results\":[]}");
            for (int i = 0; i < 5; i++) {
                list(c);
            }
            assertEquals(1, hub.mintCount(), "even an 8 s token serves several calls");
        }
    }

    @Test
    void tokenWithoutExpiryIsAssumedToLastThreeHundredSeconds() {
        MovableClock clock = new MovableClock();
        try (FakeHub hub = FakeHub.start().user("alice", "pw").omitExpiry(true);
             Client c = client(hub, Credentials.of("alice", "pw", "test"), clock)) {
            hub.on("GET", TOKENS).respond(200, "{\"count\":0,\"results\":[]}");
            list(c);
            clock.advance(Duration.ofSeconds(235));
            list(c);
            assertEquals(1, hub.mintCount(), "65 s of the assumed 300 left");
            clock.advance(Duration.ofSeconds(10));
            list(c);
            assertEquals(2, hub.mintCount(), "55 s left");
        }
    }

    @Test
    void dockerhubJwtIsUsedAsIsAndNeverMinted() {
        MovableClock clock = new MovableClock();
        try (FakeHub hub = FakeHub.start().user("alice", "pw")) {
            String jwt = hub.issueToken("alice", Duration.ofMinutes(2));
            try (Client c = client(hub, Credentials.jwt(jwt), clock)) {
                hub.on("GET", TOKENS).respond(200, "{\"count\":0,\"results\":[]}");
                list(c);
                clock.advance(Duration.ofMinutes(90)); // long past its exp on the client's clock
                list(c);
                assertEquals(0, hub.mintCount());
                hub.requests("GET", TOKENS).forEach(r -> assertEquals(jwt, r.bearer().orElseThrow()));
                HubIdentity id = c.hub().identity();
                assertEquals("alice", id.username());
                assertEquals("DOCKERHUB_JWT", id.source());
                assertEquals("jwt", id.credentialKind());
            }
        }
    }

    @Test
    void refusedDockerhubJwtIsUnauthorizedWithoutRetryOrSecret() {
        try (FakeHub hub = FakeHub.start()) {
            String jwt = hub.issueToken("alice", Duration.ofMinutes(2));
            hub.expireTokens();
            try (Client c = client(hub, Credentials.jwt(jwt), Clock.systemUTC())) {
                hub.on("GET", TOKENS).respond(200, "{}");
                ActionException e = assertThrows(ActionException.class, () -> list(c));
                assertEquals(ErrorType.UNAUTHORIZED, e.error().type());
                assertEquals(401, e.error().statusCode());
                assertTrue(e.getMessage().contains("the JWT of alice from DOCKERHUB_JWT"), e.getMessage());
                assertFalse(e.getMessage().contains(jwt), e.getMessage());
                assertEquals(1, hub.requests().size(), "no mint, no retry");
            }
        }
    }

    @Test
    void secondUnauthorizedNamesTheIdentityNeverTheSecret() {
        try (FakeHub hub = FakeHub.start().user("alice", "dckr_pat_s3cr3t");
             Client c = client(hub, Credentials.of("alice", "dckr_pat_s3cr3t", "DOCKER_HUB_USER/DOCKER_HUB_TOKEN"),
                 Clock.systemUTC())) {
            hub.on("GET", TOKENS).respond(401, "{\"message\":\"token revoked\"}");
            ActionException e = assertThrows(ActionException.class, () -> list(c));
            assertEquals(ErrorType.UNAUTHORIZED, e.error().type());
            assertEquals(2, hub.requests("GET", TOKENS).size(), "one retry after one re-mint");
            assertEquals(2, hub.mintCount());
            String m = e.getMessage();
            assertTrue(m.contains("alice (pat from DOCKER_HUB_USER/DOCKER_HUB_TOKEN)"), m);
            assertTrue(m.contains("token revoked"), m);
            assertFalse(m.contains("s3cr3t"), m);
            assertFalse(m.contains("eyJ"), m);
        }
    }

    @Test
    void refusedMintNamesTheIdentityNeverTheSecret() {
        try (FakeHub hub = FakeHub.start().user("alice", "right");
             Client c = client(hub, Credentials.of("alice", "dckr_pat_wrong1", "docker-config"), Clock.systemUTC())) {
            ActionException e = assertThrows(ActionException.class, () -> list(c));
            assertEquals(ErrorType.UNAUTHORIZED, e.error().type());
            assertTrue(e.getMessage().contains("refused the credentials of alice (pat from docker-config)"),
                e.getMessage());
            assertFalse(e.getMessage().contains("wrong1"));
            assertEquals(0, hub.requests("GET", TOKENS).size());
        }
    }

    @Test
    void hundredCallsRefusedTheSameTokenShareOneMint() throws Exception {
        try (FakeHub hub = FakeHub.start().user("alice", "pw").mintDelay(Duration.ofMillis(200));
             Client c = client(hub, Credentials.of("alice", "pw", "test"), Clock.systemUTC())) {
            hub.on("GET", TOKENS).respond(200, "{\"count\":0,\"results\":[]}");
            list(c);
            hub.expireTokens();
            assertEquals(100, storm(c, 100));
            assertEquals(2, hub.mintCount(), "the first mint and one re-mint for all 100");
        }
    }

    @Test
    void hundredCallsWithAClientSideExpiredTokenShareOneMint() throws Exception {
        MovableClock clock = new MovableClock();
        try (FakeHub hub = FakeHub.start().user("alice", "pw").mintDelay(Duration.ofMillis(200));
             Client c = client(hub, Credentials.of("alice", "pw", "test"), clock)) {
            hub.on("GET", TOKENS).respond(200, "{\"count\":0,\"results\":[]}");
            list(c);
            clock.advance(Duration.ofMinutes(11));
            assertEquals(100, storm(c, 100));
            assertEquals(2, hub.mintCount());
        }
    }

    static int storm(Client c, int n) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> c.hub().send(HubRequest.get(TOKENS).build()).status());
            }
            int ok = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                ok += f.get() == 200 ? 1 : 0;
            }
            return ok;
        }
    }

    @Test
    void rateLimitHeadersReachTheSharedView() {
        try (FakeHub hub = FakeHub.start().user("alice", "pw").rateLimit(200);
             Client c = client(hub, Credentials.of("alice", "pw", "test"), Clock.systemUTC())) {
            hub.on("GET", TOKENS).respond(200, "{}");
            assertEquals(RateLimits.Snapshot.EMPTY, c.rateLimits().hub());
            list(c);
            RateLimits.Snapshot s = c.rateLimits().hub();
            assertEquals(200L, s.limit());
            assertEquals(198L, s.remaining(), "the mint and the call each count");
            assertTrue(s.reset() > Instant.now().getEpochSecond());
            assertEquals("hub", s.source());
        }
    }

    @Test
    void rateLimitedAnswersAlsoUpdateTheView() {
        try (FakeHub hub = FakeHub.start().requireAuth(false).rateLimit(10);
             Client c = client(hub, Credentials.ANONYMOUS, Clock.systemUTC())) {
            hub.on("GET", "/v2/namespaces/library/repositories").respond(FakeResponse.tooManyRequests(3600));
            assertThrows(ActionException.class, () -> c.hub().send(
                HubRequest.get("/v2/namespaces/{}/repositories", "library").auth(
                    dev.dockerhubmcp.api.hub.HubAuth.OPTIONAL).build()));
            assertEquals(9L, c.rateLimits().hub().remaining());
        }
    }
}
