package dev.dockerhubmcp.engine.http;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared engine against servers that misbehave: every failure is a typed, bounded error. */
class HttpEngineRobustnessTest {

    private static DefaultUpstreams upstreams(String url, Consumer<UpstreamConfig.Builder> tweak) {
        UpstreamConfig.Builder b = UpstreamConfig.builder().hubUrl(url).scoutUrl(url)
            .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(400))
            .maxRetries(3).maxRetryWait(Duration.ofSeconds(2)).maxTotalRetryWait(Duration.ofSeconds(4));
        tweak.accept(b);
        return new DefaultUpstreams(b.build());
    }

    private static DefaultUpstreams upstreams(String url) {
        return upstreams(url, b -> { });
    }

    private static ActionException get(DefaultUpstreams up) {
        return assertThrows(ActionException.class,
            () -> up.hub().send(HubRequest.get("/v2/x").auth(HubAuth.NONE).build()));
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void connectionRefusedIsANetworkErrorWithoutRetries() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (DefaultUpstreams up = upstreams("http://127.0.0.1:" + port)) {
            long t0 = System.nanoTime();
            ActionException e = get(up);
            assertEquals(ErrorType.NETWORK, e.error().type());
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
            assertTrue(millisSince(t0) < 2_000, "refused connections are not retried with back-off");
        }
    }

    @Test
    void connectionResetMidBodyIsANetworkErrorNamingTheTruncation() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> {
            RawServer.partial(sock, 1000, "{\"count\":3,\"results\":[");
            Thread.sleep(50);
            RawServer.reset(sock);
        }); DefaultUpstreams up = upstreams(s.url())) {
            ActionException e = get(up);
            assertEquals(ErrorType.NETWORK, e.error().type(), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void truncatedBodyWithOrderlyCloseIsANetworkError() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> {
            RawServer.partial(sock, 100, "{\"count\":1");
            sock.close();
        }); DefaultUpstreams up = upstreams(s.url())) {
            ActionException e = get(up);
            assertEquals(ErrorType.NETWORK, e.error().type(), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void serverThatNeverAnswersTimesOutOnceAndBounded() throws IOException {
        CountDownLatch never = new CountDownLatch(1);
        try (RawServer s = RawServer.start((r, sock) -> never.await(30, TimeUnit.SECONDS));
             DefaultUpstreams up = upstreams(s.url())) {
            long t0 = System.nanoTime();
            ActionException e = get(up);
            long ms = millisSince(t0);
            assertEquals(ErrorType.TIMEOUT, e.error().type(), e.getMessage());
            assertTrue(ms >= 350 && ms < 3_000, "took " + ms + " ms");
            assertEquals(1, s.connections(), "a timeout is not multiplied by retries");
        } finally {
            never.countDown();
        }
    }

    @Test
    void serverThatStallsMidBodyTimesOut() throws IOException {
        CountDownLatch never = new CountDownLatch(1);
        try (RawServer s = RawServer.start((r, sock) -> {
            RawServer.partial(sock, 5000, "{\"count\":1,");
            never.await(30, TimeUnit.SECONDS);
        }); DefaultUpstreams up = upstreams(s.url())) {
            long t0 = System.nanoTime();
            ActionException e = get(up);
            long ms = millisSince(t0);
            assertEquals(ErrorType.TIMEOUT, e.error().type(), e.getMessage());
            assertTrue(e.getMessage().contains("400 ms"), e.getMessage());
            assertTrue(ms < 3_000, "took " + ms + " ms");
        } finally {
            never.countDown();
        }
    }

    @Test
    void bodyAboveTheCapIsRefused() throws IOException {
        String big = "{\"x\":\"" + "a".repeat(5000) + "\"}";
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 200, "application/json", big));
             DefaultUpstreams up = upstreams(s.url(), b -> b.maxBodyBytes(1024))) {
            ActionException e = get(up);
            assertEquals(ErrorType.UPSTREAM, e.error().type());
            assertTrue(e.getMessage().contains("1024-byte cap"), e.getMessage());
        }
    }

    @Test
    void bodyAtTheCapIsAccepted() throws IOException {
        String exact = "{\"x\":\"" + "a".repeat(1024 - 8) + "\"}";
        assertEquals(1024, exact.length());
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 200, "application/json", exact));
             DefaultUpstreams up = upstreams(s.url(), b -> b.maxBodyBytes(1024))) {
            HubResponse r = up.hub().send(HubRequest.get("/v2/x").auth(HubAuth.NONE).build());
            assertEquals(1016, r.json().path("x").asText().length());
        }
    }

    @Test
    void nonJsonErrorBodyIsQuotedShortly() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 500, "text/plain",
            "upstream exploded " + "x".repeat(1000)));
             DefaultUpstreams up = upstreams(s.url())) {
            ActionException e = get(up);
            assertEquals(ErrorType.UPSTREAM, e.error().type());
            assertEquals(500, e.error().statusCode());
            assertTrue(e.getMessage().contains("upstream exploded"), e.getMessage());
            assertTrue(e.getMessage().length() < 400, "the body is cut: " + e.getMessage().length());
        }
    }

    @Test
    void nonJsonSuccessBodyIsKeptAsText() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 200, "text/csv", "a,b\n1,2\n"));
             DefaultUpstreams up = upstreams(s.url())) {
            HubResponse r = up.hub().send(HubRequest.get("/v2/x").accept("text/csv").auth(HubAuth.NONE).build());
            assertTrue(r.json().isNull());
            assertEquals("a,b\n1,2\n", r.text());
        }
    }

    @Test
    void htmlErrorPageIsNamedNotQuoted() throws IOException {
        String html = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><script>secret()</script></body></html>";
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 502, "text/html; charset=utf-8", html));
             DefaultUpstreams up = upstreams(s.url())) {
            ActionException e = get(up);
            assertEquals(ErrorType.UPSTREAM, e.error().type());
            assertEquals(502, e.error().statusCode());
            assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
            assertFalse(e.getMessage().contains("<html"), e.getMessage());
        }
    }

    @Test
    void htmlPageWithSuccessStatusIsAnUpstreamError() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 200, "text/html",
            "<html><body>Sign in to the Wi-Fi</body></html>"));
             DefaultUpstreams up = upstreams(s.url())) {
            ActionException e = get(up);
            assertEquals(ErrorType.UPSTREAM, e.error().type());
            assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
        }
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() throws IOException {
        // an HTTP date has whole seconds: ask for a moment 2 s ahead, so the wait is between 1 and 2 s
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        try (RawServer s = RawServer.start((r, sock) -> {
            if (n.getAndIncrement() == 0) {
                String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
                RawServer.respond(sock, 429, "application/json", "{}", "Retry-After: " + at);
            } else {
                RawServer.respond(sock, 200, "application/json", "{\"ok\":true}");
            }
        }); DefaultUpstreams up = upstreams(s.url(), b -> b.maxRetryWait(Duration.ofSeconds(3)))) {
            long t0 = System.nanoTime();
            HubResponse r = up.hub().send(HubRequest.get("/v2/x").auth(HubAuth.NONE).build());
            long ms = millisSince(t0);
            assertEquals(200, r.status());
            assertEquals(2, s.connections(), "retried after the date");
            assertTrue(ms >= 900 && ms < 2_500, "waited for the date: " + ms + " ms");
        }
    }

    @Test
    void xRetryAfterEpochBeyondTheCapIsReportedNotWaited() throws IOException {
        long at = System.currentTimeMillis() / 1000 + 120;
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 429, "application/json",
            "{\"detail\":\"Rate limit exceeded\"}", "X-Retry-After: " + at));
             DefaultUpstreams up = upstreams(s.url())) {
            long t0 = System.nanoTime();
            ActionException e = get(up);
            assertEquals(ErrorType.RATE_LIMITED, e.error().type());
            assertTrue(e.error().retryAfter() >= 118 && e.error().retryAfter() <= 120, "" + e.error().retryAfter());
            assertTrue(e.getMessage().contains("Rate limit exceeded"), e.getMessage());
            assertEquals(1, s.connections());
            assertTrue(millisSince(t0) < 1_000);
        }
    }

    @Test
    void retriesAreBoundedInNumber() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 503, "application/json", "{}",
            "Retry-After: 0"));
             DefaultUpstreams up = upstreams(s.url(), b -> b.maxRetries(2))) {
            ActionException e = get(up);
            assertEquals(ErrorType.UPSTREAM, e.error().type());
            assertEquals(503, e.error().statusCode());
            assertEquals(3, s.connections(), "1 try + 2 retries");
        }
    }

    @Test
    void retriesAreCappedInTotalWait() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 429, "application/json", "{}",
            "Retry-After: 1"));
             DefaultUpstreams up = upstreams(s.url(), b -> b.maxRetries(10).maxTotalRetryWait(Duration.ofMillis(1500)))) {
            long t0 = System.nanoTime();
            ActionException e = get(up);
            long ms = millisSince(t0);
            assertEquals(ErrorType.RATE_LIMITED, e.error().type());
            assertEquals(1L, e.error().retryAfter());
            assertEquals(2, s.connections(), "one 1-s wait fits in 1.5 s, a second does not");
            assertTrue(ms < 2_500, "took " + ms);
        }
    }

    @Test
    void aWaitLongerThanThePerWaitCapIsNotWaited() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 429, "application/json", "{}",
            "Retry-After: 10"));
             DefaultUpstreams up = upstreams(s.url())) {
            long t0 = System.nanoTime();
            ActionException e = get(up);
            assertEquals(10L, e.error().retryAfter());
            assertEquals(1, s.connections());
            assertTrue(millisSince(t0) < 1_000);
        }
    }

    @Test
    void postIsNotRetriedOn503() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 503, "application/json", "{}",
            "Retry-After: 0"));
             DefaultUpstreams up = upstreams(s.url())) {
            ActionException e = assertThrows(ActionException.class, () -> up.hub().send(
                HubRequest.post("/v2/repositories").body(new com.fasterxml.jackson.databind.ObjectMapper()
                    .createObjectNode().put("name", "x")).auth(HubAuth.NONE).build()));
            assertEquals(503, e.error().statusCode());
            assertEquals(1, s.connections());
        }
    }

    @Test
    void putIsRetriedOn503() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 503, "application/json", "{}",
            "Retry-After: 0"));
             DefaultUpstreams up = upstreams(s.url(), b -> b.maxRetries(1))) {
            assertThrows(ActionException.class, () -> up.hub().send(HubRequest.put("/v2/x")
                .body(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()).auth(HubAuth.NONE).build()));
            assertEquals(2, s.connections());
        }
    }

    @Test
    void postIsRetriedOn429() throws IOException {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        try (RawServer s = RawServer.start((r, sock) -> {
            if (n.getAndIncrement() == 0) {
                RawServer.respond(sock, 429, "application/json", "{}", "Retry-After: 0");
            } else {
                RawServer.respond(sock, 201, "application/json", "{\"name\":\"x\"}");
            }
        }); DefaultUpstreams up = upstreams(s.url())) {
            HubResponse r = up.hub().send(HubRequest.post("/v2/repositories").body(
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()).auth(HubAuth.NONE).build());
            assertEquals(201, r.status());
            assertEquals(2, s.connections());
        }
    }

    @Test
    void postIsNotRetriedAfterANetworkFailureButGetIs() throws IOException {
        try (RawServer s = RawServer.start((r, sock) -> RawServer.reset(sock));
             DefaultUpstreams up = upstreams(s.url(), b -> b.maxRetries(2))) {
            ActionException e = assertThrows(ActionException.class, () -> up.hub().send(HubRequest.post("/v2/x")
                .body(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()).auth(HubAuth.NONE).build()));
            assertEquals(ErrorType.NETWORK, e.error().type(), e.getMessage());
            assertEquals(1, s.requests().size(), "POST sent once");
            get(up);
            // 1 try + 2 retries of ours; the JDK client itself repeats an idempotent request once when the
            // connection closes before any answer, so each of ours may count twice
            int gets = s.requests().size() - 1;
            assertTrue(gets >= 3 && gets <= 6, "GET sent " + gets + " times");
        }
    }

    @Test
    void backOffHasJitterAndACap() {
        SplittableRandom random = new SplittableRandom(42);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            long ms = HttpEngine.backoff(0, Duration.ofSeconds(30), random).toMillis();
            assertTrue(ms >= 250 && ms <= 375, "" + ms);
            seen.add(ms);
        }
        assertTrue(seen.size() > 10, "jitter varies the wait: " + seen);
        long third = HttpEngine.backoff(2, Duration.ofSeconds(30), random).toMillis();
        assertTrue(third >= 1000 && third <= 1500, "" + third);
        assertEquals(Duration.ofSeconds(2), HttpEngine.backoff(20, Duration.ofSeconds(2), random));
    }
}
