package dev.dockerhubmcp.testkit;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.api.scout.ScoutResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Scout client's auth, retry and error paths against FakeHub (for the JWT) and FakeScout. */
class ScoutClientTest {
    private static DefaultUpstreams upstreams(FakeHub hub, FakeScout scout, Credentials creds) {
        return new DefaultUpstreams(UpstreamConfig.builder().hubUrl(hub.url()).scoutUrl(scout.url()).credentials(creds)
            .maxRetries(2).maxRetryWait(Duration.ofSeconds(1)).maxTotalRetryWait(Duration.ofSeconds(2)).build());
    }

    @Test
    void sendsTheHubJwtAndReMintsOnceOn401() {
        AtomicInteger calls = new AtomicInteger();
        try (FakeHub hub = FakeHub.start().user("alice", "pw"); FakeScout scout = FakeScout.start();
             DefaultUpstreams up = upstreams(hub, scout, Credentials.of("alice", "pw", "test"))) {
            scout.onField("imageSummariesByDigest", req -> calls.getAndIncrement() == 0
                ? FakeResponse.json(401, Map.of("message", "jwt expired"))
                : FakeResponse.json(200, "{\"data\":{\"imageSummariesByDigest\":[]}}"));
            ScoutResponse r = up.scout().query("query { imageSummariesByDigest { digest } }", null);
            assertTrue(r.data().has("imageSummariesByDigest"));
            assertEquals(2, hub.mintCount());
            assertFalse(scout.requests().get(0).bearer().equals(scout.requests().get(1).bearer()));
        }
    }

    @Test
    void secondUnauthorizedNamesTheIdentity() {
        try (FakeHub hub = FakeHub.start().user("alice", "dckr_pat_zzz"); FakeScout scout = FakeScout.start();
             DefaultUpstreams up = upstreams(hub, scout, Credentials.of("alice", "dckr_pat_zzz", "test"))) {
            scout.onField("imageSummariesByDigest", req -> FakeResponse.json(401, Map.of("message", "nope")));
            ActionException e = assertThrows(ActionException.class,
                () -> up.scout().query("query { imageSummariesByDigest { digest } }", null));
            assertEquals(ErrorType.UNAUTHORIZED, e.error().type());
            assertTrue(e.getMessage().contains("alice (pat from test)"), e.getMessage());
            assertFalse(e.getMessage().contains("zzz"));
            assertEquals(2, scout.requests().size());
        }
    }

    @Test
    void queriesAreRetriedOn503ButMutationsAreNot() {
        try (FakeHub hub = FakeHub.start().user("alice", "pw"); FakeScout scout = FakeScout.start();
             DefaultUpstreams up = upstreams(hub, scout, Credentials.of("alice", "pw", "test"))) {
            scout.onField("imageSummariesByDigest", req -> FakeResponse.json(503, "{\"message\":\"busy\"}")
                .withHeader("Retry-After", "0"));
            assertThrows(ActionException.class,
                () -> up.scout().query("query { imageSummariesByDigest { digest } }", null));
            assertEquals(3, scout.requests().size(), "1 + 2 retries");
            scout.clearRequests();
            assertThrows(ActionException.class,
                () -> up.scout().query("# a comment\n mutation { imageSummariesByDigest { digest } }", null));
            assertEquals(1, scout.requests().size(), "a mutation is sent once");
        }
    }

    @Test
    void nonJsonAnswerIsAnUpstreamError() {
        try (FakeHub hub = FakeHub.start().user("alice", "pw"); FakeScout scout = FakeScout.start();
             DefaultUpstreams up = upstreams(hub, scout, Credentials.of("alice", "pw", "test"))) {
            scout.onField("x", req -> FakeResponse.text(200, "text/html", "<html>maintenance</html>"));
            ActionException e = assertThrows(ActionException.class, () -> up.scout().query("query { x }", null));
            assertEquals(ErrorType.UPSTREAM, e.error().type());
        }
    }

    @Test
    void anonymousIsRefusedBeforeAnyRequest() {
        try (FakeHub hub = FakeHub.start(); FakeScout scout = FakeScout.start();
             DefaultUpstreams up = upstreams(hub, scout, Credentials.ANONYMOUS)) {
            ActionException e = assertThrows(ActionException.class, () -> up.scout().query("query { x }", null));
            assertEquals(ErrorType.UNAUTHORIZED, e.error().type());
            assertEquals(0, scout.requests().size());
        }
    }
}
