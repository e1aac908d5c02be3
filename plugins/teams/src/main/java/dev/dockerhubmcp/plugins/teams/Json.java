package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small JSON helpers for compact answers. */
final class Json {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A copy of {@code record} keeping only the named fields that are present and not null. */
    static ObjectNode pick(JsonNode record, String... fields) {
        ObjectNode out = NODES.objectNode();
        for (String f : fields) {
            JsonNode v = record.get(f);
            if (v != null && !v.isNull()) {
                out.set(f, v.deepCopy());
            }
        }
        return out;
    }

    /** The text of a field, or null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
