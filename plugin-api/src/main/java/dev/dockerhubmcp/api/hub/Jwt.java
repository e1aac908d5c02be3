package dev.dockerhubmcp.api.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads a JWT's claims without verifying it (the Hub verifies; we only need {@code exp} and safe claims). */
public final class Jwt {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Jwt() {
    }

    public static JsonNode claims(String jwt) {
        if (jwt == null) {
            return NullNode.getInstance();
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return NullNode.getInstance();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            return MAPPER.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return NullNode.getInstance();
        }
    }

    public static Optional<Instant> expiry(String jwt) {
        JsonNode exp = claims(jwt).get("exp");
        return exp != null && exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
    }

    /** When the token was issued ({@code iat}), if it says. */
    public static Optional<Instant> issuedAt(String jwt) {
        JsonNode iat = claims(jwt).get("iat");
        return iat != null && iat.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(iat.asLong()))
            : Optional.empty();
    }

    /** The username the Hub put in the token, if any. */
    public static Optional<String> username(String jwt) {
        JsonNode c = claims(jwt);
        JsonNode hub = c.get("https://hub.docker.com");
        if (hub != null && hub.hasNonNull("username")) {
            return Optional.of(hub.get("username").asText());
        }
        for (String k : new String[] {"username", "preferred_username", "sub"}) {
            if (c.hasNonNull(k)) {
                return Optional.of(c.get(k).asText());
            }
        }
        return Optional.empty();
    }

    /** Claims that identify without granting anything: issuer, audience, subject, times, username, scopes. */
    public static Map<String, Object> safeClaims(String jwt) {
        JsonNode c = claims(jwt);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : new String[] {"iss", "aud", "sub", "iat", "nbf", "exp", "scope"}) {
            JsonNode v = c.get(k);
            if (v != null && !v.isNull()) {
                out.put(k, v.isNumber() ? (Object) v.asLong() : v.isTextual() ? v.asText() : v.toString());
            }
        }
        JsonNode hub = c.get("https://hub.docker.com");
        if (hub != null && hub.isObject()) {
            for (String k : new String[] {"username", "uuid", "source"}) {
                JsonNode v = hub.get(k);
                if (v != null && !v.isNull()) {
                    out.put(k, v.isTextual() ? v.asText() : v.toString());
                }
            }
        }
        return out;
    }
}
