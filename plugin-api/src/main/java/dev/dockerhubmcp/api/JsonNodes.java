package dev.dockerhubmcp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small JSON helpers for building compact answers from upstream records.
 *
 * <pre>{@code
 * ObjectNode member = JsonNodes.pick(record, "username", "full_name", "email", "role"); // absent and null fields left out
 * String next = JsonNodes.text(page, "next");                                         // null when absent, null or blank
 * }</pre>
 */
public final class JsonNodes {
    /** The node factory the helpers use. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonNodes() {
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new empty array. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A copy of {@code record} keeping only the named fields that are present and not null, in the order named. */
    public static ObjectNode pick(JsonNode record, String... fields) {
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
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    /**
     * What is wrong with a JSON text that failed to parse, in words and where, without the parser's class or setting
     * names (for messages to callers).
     */
    public static String problem(Throwable e) {
        String where = "";
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
            && j.getLocation().getLineNr() > 0) {
            where = " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return "a number, string or nesting exceeds the size limits" + where;
        }
        if (e instanceof StackOverflowError) {
            return "nested too deeply";
        }
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            return "it ends early" + where;
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException && where.isEmpty()) {
            return "no JSON value";
        }
        return "unexpected or malformed content" + where;
    }
}
