package dev.dockerhubmcp.api.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ActionException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One request to the Docker Hub API. Paths are built from a template whose {@code {}} placeholders are filled with
 * validated, percent-encoded segments, so no argument can reach another path:
 *
 * <pre>{@code
 * HubRequest.get("/v2/namespaces/{}/repositories/{}/tags", ns, repo).query("page", 2).build()
 * }</pre>
 *
 * @param method      GET, HEAD, POST, PUT, PATCH, DELETE
 * @param path        the encoded path (starting with /)
 * @param query       query parameters in order (values not yet encoded)
 * @param body        JSON body, or null
 * @param accept      Accept header (default application/json)
 * @param contentType Content-Type of the body (default application/json)
 * @param auth        which credential to send
 * @param accepting   non-2xx statuses answered as a response rather than an error (e.g. 404 for existence checks)
 */
public record HubRequest(String method, String path, List<Map.Entry<String, String>> query, JsonNode body,
                         String accept, String contentType, HubAuth auth, Set<Integer> accepting) {
    public HubRequest {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(auth, "auth is null");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        query = query == null ? List.of() : List.copyOf(query);
        accept = accept == null ? "application/json" : accept;
        contentType = contentType == null ? "application/json" : contentType;
        accepting = accepting == null ? Set.of() : Set.copyOf(accepting);
    }

    public static Builder get(String template, String... segments) {
        return new Builder("GET", template, segments);
    }

    public static Builder head(String template, String... segments) {
        return new Builder("HEAD", template, segments);
    }

    public static Builder post(String template, String... segments) {
        return new Builder("POST", template, segments);
    }

    public static Builder put(String template, String... segments) {
        return new Builder("PUT", template, segments);
    }

    public static Builder patch(String template, String... segments) {
        return new Builder("PATCH", template, segments);
    }

    public static Builder delete(String template, String... segments) {
        return new Builder("DELETE", template, segments);
    }

    /** The path plus encoded query string. */
    public String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path).append('?');
        for (int i = 0; i < query.size(); i++) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append(encode(query.get(i).getKey())).append('=').append(encode(query.get(i).getValue()));
        }
        return sb.toString();
    }

    /** A copy with one query parameter replaced (pagination). */
    public HubRequest withQuery(String name, String value) {
        List<Map.Entry<String, String>> q = new ArrayList<>();
        for (Map.Entry<String, String> e : query) {
            if (!e.getKey().equals(name)) {
                q.add(e);
            }
        }
        q.add(Map.entry(name, value));
        return new HubRequest(method, path, q, body, accept, contentType, auth, accepting);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Fills {@code {}} placeholders with encoded segments; a segment that is empty, '.', '..' or has '/' is refused. */
    public static String expand(String template, String... segments) {
        StringBuilder sb = new StringBuilder();
        int seg = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (seg >= segments.length) {
                    throw new IllegalArgumentException("too few segments for " + template);
                }
                String s = segments[seg++];
                if (s == null || s.isEmpty() || s.equals(".") || s.equals("..") || s.indexOf('/') >= 0) {
                    throw ActionException.validation("invalid path segment: '" + s + "'");
                }
                sb.append(encode(s));
                i++;
            } else {
                sb.append(c);
            }
        }
        if (seg != segments.length) {
            throw new IllegalArgumentException("too many segments for " + template);
        }
        return sb.toString();
    }

    public static final class Builder {
        private final String method;
        private final String path;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private JsonNode body;
        private String accept;
        private String contentType;
        private HubAuth auth = HubAuth.JWT;
        private final java.util.HashSet<Integer> accepting = new java.util.HashSet<>();

        private Builder(String method, String template, String... segments) {
            this.method = method;
            this.path = expand(template, segments);
        }

        /** Adds a query parameter; null values are skipped, so optional arguments can be passed straight in. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(Map.entry(name, String.valueOf(value)));
            }
            return this;
        }

        public Builder body(JsonNode body) {
            this.body = body;
            return this;
        }

        public Builder accept(String accept) {
            this.accept = accept;
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder auth(HubAuth auth) {
            this.auth = auth;
            return this;
        }

        public Builder accepting(int... statuses) {
            for (int s : statuses) {
                accepting.add(s);
            }
            return this;
        }

        public HubRequest build() {
            return new HubRequest(method, path, query, body, accept, contentType, auth, accepting);
        }
    }
}
