package dev.dockerhubmcp.engine.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void secondsDatesAndTimestamps() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse("7", null, NOW));
        assertEquals(Optional.of(Duration.ofSeconds(30)),
            RetryAfter.parse("Sat, 01 Mar 2025 12:00:30 GMT", null, NOW), "an HTTP date");
        assertEquals(Optional.of(Duration.ofSeconds(90)),
            RetryAfter.parse(null, String.valueOf(NOW.getEpochSecond() + 90), NOW), "X-Retry-After epoch seconds");
        assertEquals(Optional.of(Duration.ofSeconds(90)),
            RetryAfter.parse(null, String.valueOf(NOW.toEpochMilli() + 90_000), NOW), "epoch milliseconds");
        assertEquals(Optional.of(Duration.ofSeconds(5)),
            RetryAfter.parse("5", String.valueOf(NOW.getEpochSecond() + 90), NOW), "Retry-After wins");
    }

    @Test
    void neverNegativeAndGarbageIsIgnored() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("-3", null, NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sat, 01 Mar 2025 11:00:00 GMT", null, NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(null, String.valueOf(NOW.getEpochSecond() - 5), NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", "later", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(null, null, NOW));
    }

    @Test
    void outOfRangeTimestampsAreIgnoredNotThrown() {
        for (String v : new String[] {"-99999999999999999", "99999999999999999", String.valueOf(Long.MIN_VALUE),
            String.valueOf(Long.MAX_VALUE), "-1"}) {
            assertEquals(Optional.empty(), RetryAfter.parse(null, v, NOW), v);
        }
        assertEquals(Optional.of(Duration.ofSeconds(Long.MAX_VALUE)), RetryAfter.parse(String.valueOf(Long.MAX_VALUE),
            null, NOW), "a huge Retry-After in seconds is kept (the caller caps waits)");
    }
}
