package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.hub.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What may be said about a JWT without showing it: who it names and when it expires. */
final class Identity {
    private Identity() {
    }

    static ObjectNode of(String jwt, String fallbackUser, Clock clock) {
        if (jwt == null || jwt.isBlank()) {
            throw new dev.dockerhubmcp.api.ActionException(dev.dockerhubmcp.api.ErrorType.UPSTREAM,
                "the Hub answered success without a token");
        }
        ObjectNode out = Params.NODES.objectNode();
        out.put("authenticated", true);
        out.put("username", Jwt.username(jwt).orElse(fallbackUser));
        Instant exp = Jwt.expiry(jwt).orElse(null);
        if (exp != null) {
            out.put("expires_at", exp.toString());
            out.put("expires_in_seconds", Math.max(0, Duration.between(clock.instant(), exp).toSeconds()));
        }
        Map<String, Object> claims = Jwt.safeClaims(jwt);
        Object source = claims.get("source");
        if (source != null) {
            out.put("credential_source", String.valueOf(source));
        }
        return out;
    }
}
