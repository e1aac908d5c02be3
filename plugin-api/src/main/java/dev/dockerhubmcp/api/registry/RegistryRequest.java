package dev.dockerhubmcp.api.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One request to an OCI registry. Either {@code path} relative to {@code /v2/<repository>/} (e.g.
 * {@code manifests/latest}, {@code blobs/uploads/}) or, for upload sessions, the absolute or root-relative
 * {@code location} the registry returned. The client adds the bearer token for {@code repository:<repo>:<actions>}.
 *
 * @param method     HTTP method
 * @param repository normalized repository (e.g. {@code library/nginx}), or null for {@code GET /v2/}
 * @param path       path below {@code /v2/<repository>/}, or null when {@code location} is used
 * @param location   an upload Location (absolute URL or path) to use as-is, or null
 * @param query      query parameters (not yet encoded)
 * @param headers    extra request headers (Accept, Content-Range, …)
 * @param body       the body, or null
 * @param actions    scope actions: {@code pull}, {@code pull,push}, {@code delete}, …
 * @param accepting  non-2xx statuses returned as a response instead of thrown (404 for existence checks)
 * @param scopes     further token scopes asked for in the same token, e.g. {@code repository:<from>:pull} for a
 *                   cross-repository mount
 */
public record RegistryRequest(String method, String repository, String path, String location,
                              List<Map.Entry<String, String>> query, Map<String, String> headers, RegistryBody body,
                              String actions, Set<Integer> accepting, List<String> scopes) {
    public RegistryRequest {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        requireNonNull(method, "method is null");
        query = query == null ? List.of() : List.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        accepting = accepting == null ? Set.of() : Set.copyOf(accepting);
        actions = actions == null ? "pull" : actions;
        if (path != null && location != null) {
            throw new IllegalArgumentException("path and location are exclusive");
        }
    }

    public RegistryRequest(String method, String repository, String path, String location,
                           List<Map.Entry<String, String>> query, Map<String, String> headers, RegistryBody body,
                           String actions, Set<Integer> accepting) {
        this(method, repository, path, location, query, headers, body, actions, accepting, List.of());
    }

    public static Builder builder(String method, String repository) {
        return new Builder(method, repository);
    }

    public static final class Builder {
        private final String method;
        private final String repository;
        private String path;
        private String location;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private RegistryBody body;
        private String actions = "pull";
        private final Set<Integer> accepting = new HashSet<>();
        private final List<String> scopes = new ArrayList<>();

        private Builder(String method, String repository) {
            this.method = method;
            this.repository = repository;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder location(String location) {
            this.location = location;
            return this;
        }

        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(Map.entry(name, String.valueOf(value)));
            }
            return this;
        }

        public Builder header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        public Builder body(RegistryBody body) {
            this.body = body;
            return this;
        }

        public Builder actions(String actions) {
            this.actions = actions;
            return this;
        }

        /** One more scope for the same token, e.g. {@code repository:<from>:pull}. */
        public Builder scope(String scope) {
            scopes.add(requireNonNull(scope, "scope is null"));
            return this;
        }

        public Builder accepting(int... statuses) {
            for (int s : statuses) {
                accepting.add(s);
            }
            return this;
        }

        public RegistryRequest build() {
            return new RegistryRequest(method, repository, path, location, query, headers, body, actions, accepting,
                scopes);
        }
    }
}
