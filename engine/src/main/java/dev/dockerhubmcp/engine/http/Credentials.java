package dev.dockerhubmcp.engine.http;

import dev.dockerhubmcp.engine.safety.Redactor;

/**
 * Hub credentials and where they came from. Exactly one of: a ready JWT, an identifier/secret pair (password, PAT or
 * organization access token), or nothing (anonymous). {@link #toString()} never shows a secret.
 *
 * @param identifier username or organization name, or null
 * @param secret     password, {@code dckr_pat_…} or {@code dckr_oat_…}, or null
 * @param jwt        a JWT to use as-is (DOCKERHUB_JWT), or null
 * @param source     where they came from, e.g. {@code DOCKER_HUB_USER/DOCKER_HUB_TOKEN}, {@code docker-config},
 *                   {@code docker-credential-desktop}, {@code DOCKERHUB_JWT}, {@code anonymous}
 */
public record Credentials(String identifier, String secret, String jwt, String source) {
    public static final Credentials ANONYMOUS = new Credentials(null, null, null, "anonymous");

    public Credentials {
        source = source == null ? "anonymous" : source;
        if (jwt != null && (identifier != null || secret != null)) {
            throw new IllegalArgumentException("a JWT excludes identifier/secret");
        }
        if ((identifier == null) != (secret == null) && jwt == null) {
            throw new IllegalArgumentException("identifier and secret go together");
        }
        // known from now on: redacted wherever it turns up (results, errors, logs)
        Redactor.registerLogin(identifier, secret);
        Redactor.registerJwt(jwt, true);
    }

    public static Credentials of(String identifier, String secret, String source) {
        return new Credentials(identifier, secret, null, source);
    }

    public static Credentials jwt(String jwt) {
        return new Credentials(null, null, jwt, "DOCKERHUB_JWT");
    }

    public boolean anonymous() {
        return identifier == null && jwt == null;
    }

    /** password, pat, oat or jwt; null when anonymous. */
    public String kind() {
        if (jwt != null) {
            return "jwt";
        }
        if (secret == null) {
            return null;
        }
        if (secret.startsWith("dckr_pat_")) {
            return "pat";
        }
        if (secret.startsWith("dckr_oat_")) {
            return "oat";
        }
        return "password";
    }

    @Override
    public String toString() {
        return "Credentials[identifier=" + identifier + ", source=" + source + ", kind=" + kind() + "]";
    }
}
