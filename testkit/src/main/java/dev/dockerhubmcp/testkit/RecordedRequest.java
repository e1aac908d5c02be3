package dev.dockerhubmcp.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request a fake server received.
 *
 * @param method  HTTP method
 * @param path    the raw (still encoded) path
 * @param query   the raw query string, or empty
 * @param headers request headers, names lowercase
 * @param body    the body bytes
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public RecordedRequest {
        TreeMap<String, List<String>> h = new TreeMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        }
        headers = h;
        query = query == null ? "" : query;
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The first value of a query parameter, decoded. */
    public Optional<String> queryParam(String name) {
        List<String> all = queryParams(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public List<String> queryParams(String name) {
        List<String> out = new ArrayList<>();
        if (query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) {
                out.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or NullNode. */
    public JsonNode json() {
        try {
            return body.length == 0 ? NullNode.getInstance() : MAPPER.readTree(body);
        } catch (Exception e) {
            return NullNode.getInstance();
        }
    }

    /** The bearer token sent, if any. */
    public Optional<String> bearer() {
        return header("authorization").filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
            .map(a -> a.substring(7).trim());
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
}
