package dev.dockerhubmcp.api.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A buffered registry answer (manifests, tag lists, errors): the body is capped by the client.
 *
 * @param status  HTTP status
 * @param headers response headers, names lowercase
 * @param body    the raw bytes (exactly as sent: digests are computed over them)
 */
public record RegistryResponse(int status, Map<String, List<String>> headers, byte[] body) {
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public RegistryResponse {
        TreeMap<String, List<String>> h = new TreeMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        }
        headers = Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The body as JSON, or NullNode when empty; an {@code upstream} error when it is not valid JSON. */
    public JsonNode json() {
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException | StackOverflowError e) {
            throw new dev.dockerhubmcp.api.ActionException(new dev.dockerhubmcp.api.ActionError(
                dev.dockerhubmcp.api.ErrorType.UPSTREAM, "registry answered " + status + " with a body that is not "
                + "valid JSON (" + dev.dockerhubmcp.api.JsonNodes.problem(e) + "); the answer was cut short or is "
                + "not an API answer", status, null, null));
        }
    }
}
