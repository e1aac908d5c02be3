package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compact forms of access-token records: what an agent needs to recognise and manage a token (id, label, scopes,
 * state, dates), never the creator's IP or user agent, and never the (empty) token field of a stored token.
 */
final class Tokens {
    private Tokens() {
    }

    static ObjectNode pat(JsonNode t) {
        ObjectNode out = Params.NODES.objectNode();
        for (String f : new String[] {"uuid", "token_label", "scopes", "is_active", "created_at", "last_used",
            "expires_at", "generated_by"}) {
            Params.copy(t, f, out);
        }
        return out;
    }

    static ObjectNode oat(JsonNode t) {
        ObjectNode out = Params.NODES.objectNode();
        for (String f : new String[] {"id", "label", "description", "is_active", "created_by", "created_at",
            "expires_at", "last_used_at"}) {
            Params.copy(t, f, out);
        }
        if (t.path("resources").isArray()) {
            ArrayNode resources = out.putArray("resources");
            for (JsonNode r : t.get("resources")) {
                ObjectNode c = resources.addObject();
                Params.copy(r, "type", c);
                Params.copy(r, "path", c);
                Params.copy(r, "scopes", c);
            }
        }
        return out;
    }

    /** A freshly created token's compact record plus its plaintext value under {@code token}. */
    static ObjectNode withSecret(ObjectNode compact, JsonNode created) {
        JsonNode token = created.get("token");
        if (token != null && token.isTextual() && !token.asText().isEmpty()) {
            compact.set("token", token);
        }
        return compact;
    }
}
