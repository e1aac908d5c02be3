package dev.dockerhubmcp.api.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Hub answer with a 2xx status, or one of the statuses the request said it accepts.
 *
 * @param status  HTTP status
 * @param headers response headers (names lowercase)
 * @param json    the body parsed as JSON, or NullNode when empty or not JSON
 * @param text    the raw body text (CSV exports), empty when none
 */
public record HubResponse(int status, Map<String, List<String>> headers, JsonNode json, String text) {
    public HubResponse {
        TreeMap<String, List<String>> h = new TreeMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        }
        headers = java.util.Collections.unmodifiableMap(h);
        json = json == null ? NullNode.getInstance() : json;
        text = text == null ? "" : text;
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * The body as a JSON object, for an action that reads one record; an {@code upstream} error saying what came
     * instead (nothing, an array, a string…) otherwise.
     */
    public com.fasterxml.jackson.databind.node.ObjectNode object() {
        if (json instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            return o;
        }
        String what = json.isNull() || json.isMissingNode() ? "no JSON body" : "a JSON " + (json.isArray() ? "array"
            : json.isTextual() ? "string" : json.isNumber() ? "number" : json.isBoolean() ? "boolean" : "value");
        throw new dev.dockerhubmcp.api.ActionException(new dev.dockerhubmcp.api.ActionError(
            dev.dockerhubmcp.api.ErrorType.UPSTREAM, "hub answered " + status + " with " + what + " where an object "
            + "was expected", status, null, null));
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
