package dev.dockerhubmcp.host.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * How the HTTP transports listen and whom they let in.
 *
 * @param host                 bind address (default {@code 127.0.0.1})
 * @param port                 TCP port; 0 picks an ephemeral port
 * @param authToken            {@code MCP_AUTH_TOKEN}: when set, every MCP request needs
 *                             {@code Authorization: Bearer <token>}; null (or blank) for none
 * @param allowUnauthenticated {@code --allow-unauthenticated}: lets the server bind beyond loopback without a token
 * @param allowedOrigins       extra allowed {@code Origin} values, e.g. {@code https://app.example.com}
 *                             (loopback origins are always allowed; {@code *} allows every origin)
 * @param allowedHosts         extra allowed {@code Host} names, with or without {@code :port}
 *                             (loopback names and the bind host are always allowed; {@code *} allows every host)
 * @param maxRequestBytes      cap on a POST body (default 4 MiB); larger bodies are answered 413
 * @param maxSessions          cap on concurrent sessions of both transports (default 100); more are answered 503;
 *                             one client may hold half of them (more are answered 429)
 * @param idleTimeout          a session without a request for this long expires, open event streams or not (they
 *                             are closed; default 30 min); later requests naming it are answered 404
 */
public record HttpSettings(String host, int port, String authToken, boolean allowUnauthenticated,
                           Set<String> allowedOrigins, Set<String> allowedHosts, long maxRequestBytes, int maxSessions,
                           Duration idleTimeout) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;
    public static final int DEFAULT_MAX_SESSIONS = 100;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);

    public HttpSettings {
        requireNonNull(host, "host is null");
        requireNonNull(allowedOrigins, "allowedOrigins is null");
        requireNonNull(allowedHosts, "allowedHosts is null");
        requireNonNull(idleTimeout, "idleTimeout is null");
        host = host.strip();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (authToken != null && authToken.isBlank()) {
            authToken = null;
        }
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
        }
        if (maxSessions <= 0) {
            throw new IllegalArgumentException("maxSessions must be positive: " + maxSessions);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
        allowedOrigins = normalize(allowedOrigins, "allowedOrigins");
        allowedHosts = normalize(allowedHosts, "allowedHosts");
    }

    /**
     * Sessions one client (its address, with its bearer token when one is required) may hold at once: half of
     * {@link #maxSessions}.
     */
    public int maxSessionsPerClient() {
        return Math.max(1, (maxSessions + 1) / 2);
    }

    /** 127.0.0.1:8000, no token, no extra origins or hosts, 4 MiB bodies, 100 sessions, 30 min idle expiry. */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_HOST, DEFAULT_PORT, null, false, Set.of(), Set.of(), DEFAULT_MAX_REQUEST_BYTES,
                DEFAULT_MAX_SESSIONS, DEFAULT_IDLE_TIMEOUT);
    }

    public HttpSettings withHost(String host) {
        return new HttpSettings(host, port, authToken, allowUnauthenticated, allowedOrigins, allowedHosts,
                maxRequestBytes, maxSessions, idleTimeout);
    }

    public HttpSettings withPort(int port) {
        return new HttpSettings(host, port, authToken, allowUnauthenticated, allowedOrigins, allowedHosts,
                maxRequestBytes, maxSessions, idleTimeout);
    }

    public HttpSettings withAuthToken(String authToken) {
        return new HttpSettings(host, port, authToken, allowUnauthenticated, allowedOrigins, allowedHosts,
                maxRequestBytes, maxSessions, idleTimeout);
    }

    public HttpSettings withAllowUnauthenticated(boolean allowUnauthenticated) {
        return new HttpSettings(host, port, authToken, allowUnauthenticated, allowedOrigins, allowedHosts,
                maxRequestBytes, maxSessions, idleTimeout);
    }

    public HttpSettings withAllowedOrigins(Set<String> allowedOrigins) {
        return new HttpSettings(host, port, authToken, allowUnauthenticated, allowedOrigins, allowedHosts,
                maxRequestBytes, maxSessions, idleTimeout);
    }

    public HttpSettings withAllowedHosts(Set<String> allowedHosts) {
        return new HttpSettings(host, port, authToken, allowUnauthenticated, allowedOrigins, allowedHosts,
                maxRequestBytes, maxSessions, idleTimeout);
    }

    public HttpSettings withMaxRequestBytes(long maxRequestBytes) {
        return new HttpSettings(host, port, authToken, allowUnauthenticated, allowedOrigins, allowedHosts,
                maxRequestBytes, maxSessions, idleTimeout);
    }

    public HttpSettings withMaxSessions(int maxSessions) {
        return new HttpSettings(host, port, authToken, allowUnauthenticated, allowedOrigins, allowedHosts,
                maxRequestBytes, maxSessions, idleTimeout);
    }

    public HttpSettings withIdleTimeout(Duration idleTimeout) {
        return new HttpSettings(host, port, authToken, allowUnauthenticated, allowedOrigins, allowedHosts,
                maxRequestBytes, maxSessions, idleTimeout);
    }

    /** Never prints the token itself. */
    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", authToken=" + (authToken == null ? "none" : "***")
                + ", allowUnauthenticated=" + allowUnauthenticated + ", allowedOrigins=" + allowedOrigins
                + ", allowedHosts=" + allowedHosts + ", maxRequestBytes=" + maxRequestBytes + ", maxSessions="
                + maxSessions + ", idleTimeout=" + idleTimeout + "]";
    }

    private static Set<String> normalize(Set<String> values, String what) {
        return values.stream()
                .map(v -> requireNonNull(v, what + " contains null").strip())
                .filter(v -> !v.isEmpty())
                .map(v -> v.toLowerCase(Locale.ROOT))
                .map(v -> v.endsWith("/") ? v.substring(0, v.length() - 1) : v)
                .collect(Collectors.toUnmodifiableSet());
    }
}
