package dev.dockerhubmcp.api;

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

    /** The Hub's figures from a header map (e.g. {@code HubResponse.headers()}), or empty when the answer carried none. */
    public static Optional<RateLimits.Snapshot> hub(Map<String, List<String>> headers) {
        Long limit = number(first(headers, "x-ratelimit-limit"));
        Long remaining = number(first(headers, "x-ratelimit-remaining"));
        Long reset = number(first(headers, "x-ratelimit-reset"));
        if (limit == null && remaining == null && reset == null) {
            return Optional.empty();
        }
        return Optional.of(new RateLimits.Snapshot(limit, remaining, reset, null, "hub", Instant.now()));
    }

    /**
     * The registry's pull-limit figures from a header map (e.g. {@code RegistryResponse.headers()}), or empty when
     * the answer carried none (an account without pull limits).
     */
    public static Optional<RateLimits.Snapshot> registry(Map<String, List<String>> headers) {
        String l = first(headers, "ratelimit-limit");
        String r = first(headers, "ratelimit-remaining");
        if (l == null && r == null) {
            return Optional.empty();
        }
        Long window = window(l);
        if (window == null) {
            window = window(r);
        }
        String source = first(headers, "docker-ratelimit-source");
        return Optional.of(new RateLimits.Snapshot(number(beforeSemicolon(l)), number(beforeSemicolon(r)), null,
            window, source == null ? "registry" : "registry:" + source, Instant.now()));
    }

    /** The first value of a header, its name compared ignoring case; null when absent. */
    private static String first(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (name.equalsIgnoreCase(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
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
