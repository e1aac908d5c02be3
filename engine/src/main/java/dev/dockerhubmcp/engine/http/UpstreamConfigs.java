package dev.dockerhubmcp.engine.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Builds the {@link UpstreamConfig} from environment variables (the host passes {@code System.getenv()} and the
 * user's home; tests pass a map). Unset or blank variables keep the defaults. A bad value is an
 * {@link IllegalArgumentException} whose message names the variable and what it accepts.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>DOCKERHUB_URL</td><td>Hub API base, default https://hub.docker.com</td></tr>
 *   <tr><td>DOCKER_REGISTRY_URL</td><td>registry base, default https://registry-1.docker.io</td></tr>
 *   <tr><td>DOCKER_REGISTRY_AUTH_URL</td><td>token endpoint, default https://auth.docker.io/token</td></tr>
 *   <tr><td>DOCKER_SCOUT_URL</td><td>Scout API base, default https://api.scout.docker.com</td></tr>
 *   <tr><td>DOCKERHUB_SSL_VERIFY</td><td>true/false (also 1/0, yes/no, on/off), default true</td></tr>
 *   <tr><td>DOCKERHUB_SCIM_TOKEN</td><td>SCIM bearer token, default none</td></tr>
 *   <tr><td>DOCKERHUB_CONNECT_TIMEOUT</td><td>seconds (decimals allowed), default 10</td></tr>
 *   <tr><td>DOCKERHUB_READ_TIMEOUT</td><td>seconds (decimals allowed), default 30</td></tr>
 *   <tr><td>DOCKERHUB_REQUEST_TIMEOUT</td><td>seconds for one API request in total, default 60</td></tr>
 *   <tr><td>DOCKERHUB_CALL_TIMEOUT</td><td>seconds for one tool call's requests in total, default 120</td></tr>
 *   <tr><td>DOCKERHUB_MAX_RETRIES</td><td>0–10, default 3</td></tr>
 * </table>
 * Credentials come from {@link CredentialResolver#resolve(Map, Path, String, Duration)}.
 */
public final class UpstreamConfigs {
    /** The variables read here; the credential variables are {@link CredentialResolver#VARIABLES}. */
    public static final List<String> VARIABLES = List.of("DOCKERHUB_URL", "DOCKER_REGISTRY_URL",
        "DOCKER_REGISTRY_AUTH_URL", "DOCKER_SCOUT_URL", "DOCKERHUB_SSL_VERIFY", "DOCKERHUB_SCIM_TOKEN",
        "DOCKERHUB_CONNECT_TIMEOUT", "DOCKERHUB_READ_TIMEOUT", "DOCKERHUB_REQUEST_TIMEOUT", "DOCKERHUB_CALL_TIMEOUT",
        "DOCKERHUB_MAX_RETRIES");
    static final long MAX_TIMEOUT_SECONDS = 3600;
    static final int MAX_RETRIES = 10;

    private UpstreamConfigs() {
    }

    /** The configuration the environment describes, with credentials resolved from it and the Docker CLI login. */
    public static UpstreamConfig fromEnvironment(Map<String, String> env, Path home) {
        return fromEnvironment(env, home, null);
    }

    /** The same, with the Docker ID of a {@code --username} flag (paired with {@code HUB_PAT_TOKEN}), or null. */
    public static UpstreamConfig fromEnvironment(Map<String, String> env, Path home, String username) {
        requireNonNull(env, "env is null");
        UpstreamConfig c = fromEnvironment(env, CredentialResolver.resolve(env, home, username,
            CredentialResolver.DEFAULT_HELPER_TIMEOUT));
        if (c.registryIsDockerHub()) {
            return c;
        }
        // another registry never gets the Hub credentials: only its own login from the Docker CLI config
        URI r = c.registryUrl();
        String authority = r.getPort() >= 0 ? r.getHost() + ":" + r.getPort() : r.getHost();
        return c.toBuilder().registryCredentials(CredentialResolver.resolveRegistry(env, home, authority,
            CredentialResolver.DEFAULT_HELPER_TIMEOUT)).build();
    }

    /** The configuration the environment describes, with credentials already resolved. */
    public static UpstreamConfig fromEnvironment(Map<String, String> env, Credentials credentials) {
        requireNonNull(env, "env is null");
        requireNonNull(credentials, "credentials is null");
        UpstreamConfig.Builder b = UpstreamConfig.builder().credentials(credentials);
        String v;
        if ((v = value(env, "DOCKERHUB_URL")) != null) {
            b.hubUrl(url("DOCKERHUB_URL", v));
        }
        if ((v = value(env, "DOCKER_REGISTRY_URL")) != null) {
            b.registryUrl(url("DOCKER_REGISTRY_URL", v));
        }
        if ((v = value(env, "DOCKER_REGISTRY_AUTH_URL")) != null) {
            b.registryAuthUrl(url("DOCKER_REGISTRY_AUTH_URL", v));
        }
        if ((v = value(env, "DOCKER_SCOUT_URL")) != null) {
            b.scoutUrl(url("DOCKER_SCOUT_URL", v));
        }
        if ((v = value(env, "DOCKERHUB_SSL_VERIFY")) != null) {
            b.sslVerify(bool("DOCKERHUB_SSL_VERIFY", v));
        }
        if ((v = value(env, "DOCKERHUB_SCIM_TOKEN")) != null) {
            b.scimToken(v);
        }
        if ((v = value(env, "DOCKERHUB_CONNECT_TIMEOUT")) != null) {
            b.connectTimeout(seconds("DOCKERHUB_CONNECT_TIMEOUT", v));
        }
        if ((v = value(env, "DOCKERHUB_READ_TIMEOUT")) != null) {
            b.readTimeout(seconds("DOCKERHUB_READ_TIMEOUT", v));
        }
        if ((v = value(env, "DOCKERHUB_REQUEST_TIMEOUT")) != null) {
            b.requestTimeout(seconds("DOCKERHUB_REQUEST_TIMEOUT", v));
        }
        if ((v = value(env, "DOCKERHUB_CALL_TIMEOUT")) != null) {
            b.callTimeout(seconds("DOCKERHUB_CALL_TIMEOUT", v));
        }
        if ((v = value(env, "DOCKERHUB_MAX_RETRIES")) != null) {
            b.maxRetries(retries("DOCKERHUB_MAX_RETRIES", v));
        }
        return b.build();
    }

    static String url(String name, String v) {
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL: '" + v + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(name + " must be an http:// or https:// URL, got '" + v + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(name + " must name a host, got '" + v + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must not carry a query or fragment, got '" + v + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(name + " must not carry credentials in the URL; use the credential "
                + "variables instead");
        }
        return v;
    }

    static boolean bool(String name, String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
        };
    }

    static Duration seconds(String name, String v) {
        double s;
        try {
            s = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds, got '" + v + "'");
        }
        if (Double.isNaN(s) || s <= 0 || s > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(name + " must be more than 0 and at most " + MAX_TIMEOUT_SECONDS
                + " seconds, got '" + v + "'");
        }
        return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
    }

    static int retries(String name, String v) {
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from 0 to " + MAX_RETRIES + ", got '"
                + v + "'");
        }
        if (n < 0 || n > MAX_RETRIES) {
            throw new IllegalArgumentException(name + " must be from 0 to " + MAX_RETRIES + ", got '" + v + "'");
        }
        return n;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
