package dev.dockerhubmcp.engine.http.registry;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TokenCacheTest {
    private static final TokenCache.Key KEY = TokenCache.Key.of("https://auth/t", "svc",
        List.of("repository:b:pull", "repository:a:pull"));

    @Test
    void keysSortScopes() {
        assertEquals("repository:a:pull repository:b:pull", KEY.scope());
    }

    @Test
    void cachedUntilShortlyBeforeExpiry() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        TokenCache cache = new TokenCache(clock);
        AtomicInteger fetches = new AtomicInteger();
        var fetch = (java.util.function.Supplier<TokenCache.Token>) () ->
            TokenCache.Token.of("t" + fetches.incrementAndGet(), now.get(), Duration.ofSeconds(300));
        assertEquals("t1", cache.get(KEY, null, fetch).value());
        now.set(now.get().plusSeconds(200));
        assertEquals("t1", cache.get(KEY, null, fetch).value());
        now.set(now.get().plusSeconds(71)); // 271 s: within the 30 s margin of a 300 s token
        assertNull(cache.cached(KEY));
        assertEquals("t2", cache.get(KEY, null, fetch).value());
        assertEquals("t3", cache.get(KEY, "t2", fetch).value(), "a refused token is replaced");
        cache.invalidate(KEY, "t3");
        assertNull(cache.cached(KEY));
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        TokenCache cache = new TokenCache();
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> cache.get(KEY, null, () -> {
                    fetches.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return TokenCache.Token.of("shared", Instant.now(), Duration.ofSeconds(60));
                }).value()));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<String> f : results) {
                assertEquals("shared", f.get());
            }
        }
        assertEquals(1, fetches.get());
        assertNotEquals(0, cache.size());
    }
}
