package dev.dockerhubmcp.engine.http;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token mint is the one POST that is retried on 503 and network failures. */
class TokenMintTest {
    static String jwt(String user, long lifetimeSeconds) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        return e.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
            + e.encodeToString(("{\"iat\":" + now + ",\"exp\":" + (now + lifetimeSeconds)
            + ",\"https://hub.docker.com\":{\"username\":\"" + user + "\"}}").getBytes(StandardCharsets.UTF_8))
            + ".c2ln";
    }

    private static DefaultUpstreams upstreams(String url) {
        return new DefaultUpstreams(UpstreamConfig.builder().hubUrl(url)
            .credentials(Credentials.of("alice", "dckr_pat_mint", "test"))
            .readTimeout(Duration.ofSeconds(2)).maxRetries(2)
            .maxRetryWait(Duration.ofSeconds(1)).maxTotalRetryWait(Duration.ofSeconds(3)).build());
    }

    /** Answers the mint with {@code first} on the first call, then a token; API calls get 200. */
    private static RawServer server(RawServer.Behaviour firstMint) throws IOException {
        AtomicInteger mints = new AtomicInteger();
        return RawServer.start((r, s) -> {
            if (r.target().equals("/v2/auth/token")) {
                if (mints.getAndIncrement() == 0) {
                    firstMint.answer(r, s);
                } else {
                    RawServer.respond(s, 200, "application/json", "{\"access_token\":\"" + jwt("alice", 600) + "\"}");
                }
            } else {
                RawServer.respond(s, 200, "application/json", "{\"ok\":true}");
            }
        });
    }

    private static long mints(RawServer s) {
        return s.requests().stream().filter(r -> r.target().equals("/v2/auth/token")).count();
    }

    @Test
    void mintIsRetriedOn503() throws IOException {
        try (RawServer s = server((r, sock) -> RawServer.respond(sock, 503, "application/json", "{}", "Retry-After: 0"));
             DefaultUpstreams up = upstreams(s.url())) {
            HubResponse r = up.hub().send(HubRequest.get("/v2/access-tokens").build());
            assertEquals(200, r.status());
            assertEquals(2, mints(s));
            assertTrue(s.requests().get(0).head().startsWith("POST /v2/auth/token"));
            assertTrue(new String(s.requests().get(0).body(), StandardCharsets.UTF_8)
                .contains("\"identifier\":\"alice\""));
        }
    }

    @Test
    void mintIsRetriedAfterAConnectionReset() throws IOException {
        try (RawServer s = server((r, sock) -> RawServer.reset(sock)); DefaultUpstreams up = upstreams(s.url())) {
            assertEquals(200, up.hub().send(HubRequest.get("/v2/access-tokens").build()).status());
            assertEquals(2, mints(s));
        }
    }

    @Test
    void rateLimitedMintSaysSoWithoutTheSecret() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 429, "application/json",
            "{\"detail\":\"slow down\"}", "Retry-After: 600"));
             DefaultUpstreams up = upstreams(s.url())) {
            ActionException e = assertThrows(ActionException.class,
                () -> up.hub().send(HubRequest.get("/v2/access-tokens").build()));
            assertEquals(ErrorType.RATE_LIMITED, e.error().type());
            assertEquals(600L, e.error().retryAfter());
            assertTrue(e.getMessage().contains("could not mint a token for alice"), e.getMessage());
            assertFalse(e.getMessage().contains("dckr_pat_mint"));
        }
    }

    @Test
    void mintAnswerWithoutATokenIsAnUpstreamError() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 200, "application/json", "{}"));
             DefaultUpstreams up = upstreams(s.url())) {
            ActionException e = assertThrows(ActionException.class,
                () -> up.hub().send(HubRequest.get("/v2/access-tokens").build()));
            assertEquals(ErrorType.UPSTREAM, e.error().type());
            assertTrue(e.getMessage().contains("access_token"), e.getMessage());
        }
    }
}
