package dev.dockerhubmcp.api.hub;

import java.time.Instant;
import java.util.Map;

/**
 * Who the Hub client acts as, without any secret.
 *
 * @param authenticated whether a JWT is available
 * @param username      the identity (user or org token owner), or null when anonymous
 * @param source        where the credential came from: DOCKERHUB_JWT, DOCKER_HUB_USER/DOCKER_HUB_TOKEN,
 *                      DOCKERHUB_USERNAME/DOCKERHUB_TOKEN, docker-config, docker-credential-&lt;name&gt;, anonymous
 * @param credentialKind password, pat, oat, jwt or null
 * @param expiresAt     JWT expiry, or null
 * @param claims        safe claims only (no token material)
 */
public record HubIdentity(boolean authenticated, String username, String source, String credentialKind,
                          Instant expiresAt, Map<String, Object> claims) {
    public HubIdentity {
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }
}
