package dev.dockerhubmcp.engine.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads how long an upstream asks us to wait: {@code Retry-After} as seconds or an HTTP date, or Docker Hub's
 * {@code X-Retry-After} (a Unix timestamp). Never negative.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static Optional<Duration> parse(String retryAfter, String xRetryAfter, Instant now) {
        Optional<Duration> d = parseRetryAfter(retryAfter, now);
        if (d.isPresent()) {
            return d;
        }
        return parseTimestamp(xRetryAfter, now);
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException ignored) {
            // an HTTP date
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(nonNegative(Duration.between(now, at))); // any parse or range failure: caught below
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> parseTimestamp(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long epoch = Long.parseLong(value.trim());
            if (epoch > 100_000_000_000L) {
                epoch /= 1000; // milliseconds
            }
            // out of any plausible range (negative, or past year 9999): not a usable instant
            if (epoch < 0 || epoch > 253_402_300_799L) {
                return Optional.empty();
            }
            return Optional.of(nonNegative(Duration.between(now, Instant.ofEpochSecond(epoch))));
        } catch (NumberFormatException e) {
            return parseRetryAfter(value, now);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
