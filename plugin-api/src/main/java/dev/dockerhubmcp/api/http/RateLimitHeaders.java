package dev.dockerhubmcp.api.http;

import dev.dockerhubmcp.api.RateLimits;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses rate-limit headers: the Hub API's {@code X-RateLimit-Limit/Remaining/Reset} and the registry's
 * {@code RateLimit-Limit: 100;w=21600}, {@code RateLimit-Remaining: 76;w=21600}, {@code docker-ratelimit-source}.
 */
public final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    /** The Hub's figures, or empty when the answer carried none. */
    public static Optional<RateLimits.Snapshot> hub(HttpHeaders headers) {
        Long limit = number(headers.firstValue("x-ratelimit-limit").orElse(null));
        Long remaining = number(headers.firstValue("x-ratelimit-remaining").orElse(null));
        Long reset = number(headers.firstValue("x-ratelimit-reset").orElse(null));
        if (limit == null && remaining == null && reset == null) {
            return Optional.empty();
        }
        return Optional.of(new RateLimits.Snapshot(limit, remaining, reset, null, "hub", Instant.now()));
    }

    /** The registry's pull-limit figures, or empty when the answer carried none. */
    public static Optional<RateLimits.Snapshot> registry(HttpHeaders headers) {
        String l = headers.firstValue("ratelimit-limit").orElse(null);
        String r = headers.firstValue("ratelimit-remaining").orElse(null);
        if (l == null && r == null) {
            return Optional.empty();
        }
        Long window = window(l);
        if (window == null) {
            window = window(r);
        }
        String source = headers.firstValue("docker-ratelimit-source").orElse(null);
        return Optional.of(new RateLimits.Snapshot(number(beforeSemicolon(l)), number(beforeSemicolon(r)), null,
            window, source == null ? "registry" : "registry:" + source, Instant.now()));
    }

    /** The Hub's figures from a header map (e.g. {@code HubResponse.headers()}), or empty when none. */
    public static Optional<RateLimits.Snapshot> hub(Map<String, List<String>> headers) {
        return hub(of(headers));
    }

    /**
     * The registry's pull-limit figures from a header map (e.g. {@code RegistryResponse.headers()}), or empty when
     * the answer carried none (an account without pull limits).
     */
    public static Optional<RateLimits.Snapshot> registry(Map<String, List<String>> headers) {
        return registry(of(headers));
    }

    private static HttpHeaders of(Map<String, List<String>> headers) {
        return HttpHeaders.of(headers == null ? Map.of() : headers, (k, v) -> k != null && v != null);
    }

    static String beforeSemicolon(String v) {
        if (v == null) {
            return null;
        }
        int i = v.indexOf(';');
        return (i < 0 ? v : v.substring(0, i)).trim();
    }

    static Long window(String v) {
        if (v == null) {
            return null;
        }
        for (String part : v.split(";")) {
            String p = part.trim();
            if (p.startsWith("w=")) {
                return number(p.substring(2));
            }
        }
        return null;
    }

    static Long number(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(v.trim());
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }
}
