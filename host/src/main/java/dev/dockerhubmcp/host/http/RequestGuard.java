package dev.dockerhubmcp.host.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The checks every request passes before it reaches a transport: {@code Host} and {@code Origin} (DNS-rebinding
 * protection) and the bearer token.
 */
final class RequestGuard {
    private static final System.Logger LOG = System.getLogger(RequestGuard.class.getName());
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "localhost.", "127.0.0.1", "::1",
            "0:0:0:0:0:0:0:1");

    /** Why a request was refused: HTTP status, message and, for 401, the challenge. */
    record Rejection(int status, int code, String message, String challenge) {
    }

    private final Set<String> allowedHostNames;
    private final Set<String> allowedHostsWithPort;
    private final boolean anyHost;
    private final Set<String> allowedOrigins;
    private final boolean anyOrigin;
    private final byte[] tokenDigest;

    RequestGuard(HttpSettings settings) {
        requireNonNull(settings, "settings is null");
        Set<String> names = new HashSet<>();
        Set<String> withPort = new HashSet<>();
        boolean any = false;
        for (String entry : settings.allowedHosts()) {
            if (entry.equals("*")) {
                any = true;
                continue;
            }
            HostAndPort parsed = HostAndPort.parse(entry);
            if (parsed == null) {
                throw new IllegalArgumentException("allowed host is not a host name: " + entry);
            }
            if (parsed.port() == null) {
                names.add(canonicalHost(parsed.host()));
            } else {
                withPort.add(canonicalHost(parsed.host()) + ":" + parsed.port());
            }
        }
        String bind = canonicalHost(settings.host());
        if (isWildcard(bind)) {
            names.addAll(localAddresses());
        } else {
            names.add(bind);
        }
        this.allowedHostNames = Set.copyOf(names);
        this.allowedHostsWithPort = Set.copyOf(withPort);
        this.anyHost = any;
        this.allowedOrigins = settings.allowedOrigins();
        this.anyOrigin = settings.allowedOrigins().contains("*");
        this.tokenDigest = settings.authToken() == null ? null : sha256(settings.authToken());
    }

    boolean requiresToken() {
        return tokenDigest != null;
    }

    /** Host and Origin: applied to every request, {@code /health} included. */
    Optional<Rejection> checkHostAndOrigin(Headers headers) {
        List<String> hosts = headers.values(HeaderNames.HOST);
        if (hosts.size() != 1) {
            return Optional.of(new Rejection(400, HttpReplies.SERVER_ERROR, "Bad Request: exactly one Host header is required", null));
        }
        if (!hostAllowed(hosts.getFirst())) {
            return Optional.of(new Rejection(421, HttpReplies.SERVER_ERROR,
                    "Misdirected Request: Host header not allowed (DNS rebinding protection)", null));
        }
        List<String> origins = headers.values(HeaderNames.ORIGIN);
        if (origins.size() > 1) {
            return Optional.of(new Rejection(403, HttpReplies.SERVER_ERROR, "Forbidden: more than one Origin header", null));
        }
        if (origins.size() == 1 && !originAllowed(origins.getFirst())) {
            return Optional.of(new Rejection(403, HttpReplies.SERVER_ERROR,
                    "Forbidden: Origin not allowed (DNS rebinding protection)", null));
        }
        return Optional.empty();
    }

    /** Bearer token: applied to the MCP endpoints when a token is configured. */
    Optional<Rejection> checkToken(Headers headers) {
        if (tokenDigest == null) {
            return Optional.empty();
        }
        List<String> values = headers.values(HeaderNames.AUTHORIZATION);
        if (values.isEmpty()) {
            return Optional.of(new Rejection(401, HttpReplies.SERVER_ERROR, "Unauthorized: bearer token required",
                    "Bearer realm=\"dockerhub-mcp\""));
        }
        String value = values.size() == 1 ? values.getFirst().strip() : "";
        boolean bearer = value.regionMatches(true, 0, "Bearer ", 0, 7);
        String presented = bearer ? value.substring(7).strip() : "";
        // Compare digests: constant time, and the length of the token does not leak either.
        if (!bearer || !MessageDigest.isEqual(tokenDigest, sha256(presented))) {
            return Optional.of(new Rejection(401, HttpReplies.SERVER_ERROR, "Unauthorized: invalid bearer token",
                    "Bearer realm=\"dockerhub-mcp\", error=\"invalid_token\""));
        }
        return Optional.empty();
    }

    boolean hostAllowed(String hostHeader) {
        if (anyHost) {
            return true;
        }
        HostAndPort parsed = HostAndPort.parse(hostHeader.strip().toLowerCase(Locale.ROOT));
        if (parsed == null) {
            return false;
        }
        String host = canonicalHost(parsed.host());
        return isLoopbackName(host)
                || allowedHostNames.contains(host)
                || (parsed.port() != null && allowedHostsWithPort.contains(host + ":" + parsed.port()));
    }

    boolean originAllowed(String origin) {
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        if (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        if (anyOrigin || allowedOrigins.contains(normalized)) {
            return true;
        }
        try {
            URI uri = new URI(normalized);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (host == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return false;
            }
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            return bare && isLoopbackName(canonicalHost(host));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean isLoopbackName(String host) {
        if (LOOPBACK_NAMES.contains(host)) {
            return true;
        }
        // 127.0.0.0/8, written as a dotted IPv4 literal
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isWildcard(String host) {
        String h = canonicalHost(host);
        return h.equals("0.0.0.0") || h.equals("0:0:0:0:0:0:0:0");
    }

    /** Whether binding this address exposes the server beyond this machine. */
    static boolean exposesBeyondLoopback(String host) {
        String bare = canonicalHost(host.strip());
        if (isLoopbackName(bare)) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (!address.isLoopbackAddress()) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Cannot resolve the bind address " + host + ": " + e.getMessage(), e);
        }
    }

    static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Set<String> localAddresses() {
        Set<String> names = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    names.add(canonicalHost(address.getHostAddress()));
                }
            }
        } catch (SocketException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot list the network interfaces: " + e.getMessage());
        }
        try {
            names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "No local host name: " + e.getMessage());
        }
        return names;
    }

    /** Lower case; IPv6 literals in their full form (what {@link InetAddress#getHostAddress()} prints). */
    static String canonicalHost(String host) {
        String lower = unbracket(host.toLowerCase(Locale.ROOT));
        if (lower.indexOf(':') < 0) {
            return lower;
        }
        try {
            // A literal with ':' is parsed, never looked up.
            String text = InetAddress.getByName(lower).getHostAddress().toLowerCase(Locale.ROOT);
            int zone = text.indexOf('%');
            return zone >= 0 ? text.substring(0, zone) : text;
        } catch (UnknownHostException e) {
            return lower;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A Host header value: {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}. */
    record HostAndPort(String host, String port) {
        static HostAndPort parse(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            String host;
            String port = null;
            if (value.startsWith("[")) {
                int end = value.indexOf(']');
                if (end < 0) {
                    return null;
                }
                host = value.substring(1, end);
                String rest = value.substring(end + 1);
                if (!rest.isEmpty()) {
                    if (!rest.startsWith(":")) {
                        return null;
                    }
                    port = rest.substring(1);
                }
            } else {
                int colon = value.indexOf(':');
                if (colon >= 0 && value.indexOf(':', colon + 1) >= 0) {
                    host = value; // a bare IPv6 literal (not valid in Host, but in allowedHosts)
                } else if (colon >= 0) {
                    host = value.substring(0, colon);
                    port = value.substring(colon + 1);
                } else {
                    host = value;
                }
            }
            if (host.isEmpty() || (port != null && !PORT.matcher(port).matches())) {
                return null;
            }
            for (int i = 0; i < host.length(); i++) {
                char c = host.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':'
                        || c == '_' || (c >= 'A' && c <= 'Z');
                if (!ok) {
                    return null;
                }
            }
            return new HostAndPort(host.toLowerCase(Locale.ROOT), port);
        }
    }
}
