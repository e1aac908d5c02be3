package dev.dockerhubmcp.engine.http;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Total deadlines: an upstream that keeps a request alive by dripping bytes still ends in time, as a timeout. */
class DeadlineTest {

    /** Announces 1000 bytes and sends one a second: never idle long enough for the read timeout. */
    private static void drip(RawServer.Request r, Socket s) throws Exception {
        try (s) {
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (int i = 0; i < 1000; i++) {
                out.write(i == 0 ? '{' : ' ');
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException closed) {
            // the client gave up: expected
        }
    }

    private static DefaultUpstreams upstreams(String url, Consumer<UpstreamConfig.Builder> tweak) {
        UpstreamConfig.Builder b = UpstreamConfig.builder().hubUrl(url).registryUrl(url).scoutUrl(url)
            .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2))
            .maxRetries(0).maxRetryWait(Duration.ofSeconds(2)).maxTotalRetryWait(Duration.ofSeconds(30));
        tweak.accept(b);
        return new DefaultUpstreams(b.build());
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void hubBodyDrippedOneByteASecondEndsAtTheRequestDeadline() throws IOException {
        try (RawServer s = RawServer.start(DeadlineTest::drip);
             DefaultUpstreams up = upstreams(s.url(), b -> b.requestTimeout(Duration.ofSeconds(3)))) {
            long t0 = System.nanoTime();
            ActionException e = assertThrows(ActionException.class,
                () -> up.hub().send(HubRequest.get("/v2/x").auth(HubAuth.NONE).build()));
            long ms = millisSince(t0);
            assertEquals(ErrorType.TIMEOUT, e.error().type(), e.getMessage());
            assertTrue(e.getMessage().contains("DOCKERHUB_REQUEST_TIMEOUT"), e.getMessage());
            assertTrue(ms >= 2_900 && ms < 4_000, "took " + ms + " ms");
        }
    }

    @Test
    void registryBodyDrippedOneByteASecondEndsAtTheRequestDeadline() throws IOException {
        try (RawServer s = RawServer.start(DeadlineTest::drip);
             DefaultUpstreams up = upstreams(s.url(), b -> b.requestTimeout(Duration.ofSeconds(3)))) {
            long t0 = System.nanoTime();
            ActionException e = assertThrows(ActionException.class, () -> up.registry().send(
                RegistryRequest.builder("GET", "acme/app").path("tags/list").build()));
            long ms = millisSince(t0);
            assertEquals(ErrorType.TIMEOUT, e.error().type(), e.getMessage());
            assertTrue(ms >= 2_900 && ms < 4_000, "took " + ms + " ms");
        }
    }

    @Test
    void theCallDeadlineCutsARequestThatHasTimeLeft() throws Exception {
        try (RawServer s = RawServer.start(DeadlineTest::drip);
             DefaultUpstreams up = upstreams(s.url(), b -> b.requestTimeout(Duration.ofSeconds(60))
                 .callTimeout(Duration.ofSeconds(3)))) {
            long t0 = System.nanoTime();
            ActionException e = assertThrows(ActionException.class, () -> CallDeadline.run(
                () -> up.hub().send(HubRequest.get("/v2/x").auth(HubAuth.NONE).build())));
            long ms = millisSince(t0);
            assertEquals(ErrorType.TIMEOUT, e.error().type(), e.getMessage());
            assertTrue(e.getMessage().contains("DOCKERHUB_CALL_TIMEOUT"), e.getMessage());
            assertTrue(ms >= 2_900 && ms < 4_000, "took " + ms + " ms");
        }
    }

    @Test
    void retriesCountAgainstTheCallDeadline() throws Exception {
        try (RawServer s = RawServer.start((r, sock) -> RawServer.respond(sock, 503, "application/json",
                 "{\"message\":\"busy\"}", "Retry-After: 1"));
             DefaultUpstreams up = upstreams(s.url(), b -> b.maxRetries(10).callTimeout(Duration.ofMillis(2500)))) {
            long t0 = System.nanoTime();
            ActionException first = assertThrows(ActionException.class, () -> CallDeadline.run(
                () -> up.hub().send(HubRequest.get("/v2/x").auth(HubAuth.NONE).build())));
            long ms = millisSince(t0);
            assertTrue(ms < 4_500, "took " + ms + " ms"); // 2.5 s and a loaded machine's slack
            assertTrue(s.connections() <= 3, "retries stopped at the call's deadline: " + s.connections());
            assertEquals(503, first.error().statusCode(), first.getMessage());
            // a request begun after the deadline is not sent at all
            int before = s.connections();
            ActionException late = assertThrows(ActionException.class, () -> CallDeadline.run(() -> {
                Thread.sleep(2600);
                return up.hub().send(HubRequest.get("/v2/x").auth(HubAuth.NONE).build());
            }));
            assertEquals(ErrorType.TIMEOUT, late.error().type(), late.getMessage());
            assertEquals(before, s.connections());
        }
    }

    @Test
    void timeoutsAreSettable() {
        UpstreamConfig c = UpstreamConfigs.fromEnvironment(Map.of("DOCKERHUB_REQUEST_TIMEOUT", "7.5",
            "DOCKERHUB_CALL_TIMEOUT", "90"), Credentials.ANONYMOUS);
        assertEquals(Duration.ofMillis(7500), c.requestTimeout());
        assertEquals(Duration.ofSeconds(90), c.callTimeout());
        UpstreamConfig d = UpstreamConfigs.fromEnvironment(Map.of(), Credentials.ANONYMOUS);
        assertEquals(Duration.ofSeconds(60), d.requestTimeout());
        assertEquals(Duration.ofSeconds(120), d.callTimeout());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
            () -> UpstreamConfigs.fromEnvironment(Map.of("DOCKERHUB_CALL_TIMEOUT", "soon"), Credentials.ANONYMOUS));
        assertTrue(bad.getMessage().contains("DOCKERHUB_CALL_TIMEOUT"), bad.getMessage());
    }
}
