package dev.dockerhubmcp.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitHeadersTest {
    private static Map<String, List<String>> headers(Map<String, String> h) {
        return h.entrySet().stream().collect(java.util.stream.Collectors.toMap(
            Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    @Test
    void hubHeaders() {
        RateLimits.Snapshot s = RateLimitHeaders.hub(headers(Map.of("X-RateLimit-Limit", "180",
            "X-RateLimit-Remaining", "179", "X-RateLimit-Reset", "1740830400"))).orElseThrow();
        assertEquals(180L, s.limit());
        assertEquals(179L, s.remaining());
        assertEquals(1740830400L, s.reset());
        assertTrue(RateLimitHeaders.hub(headers(Map.of("Content-Type", "application/json"))).isEmpty());
    }

    @Test
    void registryHeadersWithWindowAndSource() {
        RateLimits.Snapshot s = RateLimitHeaders.registry(headers(Map.of("ratelimit-limit", "100;w=21600",
            "ratelimit-remaining", "76;w=21600", "docker-ratelimit-source", "203.0.113.9"))).orElseThrow();
        assertEquals(100L, s.limit());
        assertEquals(76L, s.remaining());
        assertEquals(21600L, s.window());
        assertEquals("registry:203.0.113.9", s.source());
        RateLimits.Snapshot bare = RateLimitHeaders.registry(headers(Map.of("RateLimit-Remaining", " 5 ")))
            .orElseThrow();
        assertEquals(5L, bare.remaining());
        assertEquals(null, bare.limit());
        assertEquals(null, bare.window());
        assertTrue(RateLimitHeaders.registry(headers(Map.of())).isEmpty());
    }

    @Test
    void headerMapsAsClientsReturnThem() {
        RateLimits.Snapshot s = RateLimitHeaders.registry(Map.of("ratelimit-limit", List.of("200;w=21600"),
            "ratelimit-remaining", List.of("0;w=21600"))).orElseThrow();
        assertEquals(200L, s.limit());
        assertEquals(0L, s.remaining());
        assertEquals(21600L, s.window());
        assertEquals("registry", s.source());
        assertEquals(7L, RateLimitHeaders.hub(Map.of("X-RateLimit-Remaining", List.of("7"))).orElseThrow().remaining());
        assertTrue(RateLimitHeaders.registry((Map<String, List<String>>) null).isEmpty());
    }
}
