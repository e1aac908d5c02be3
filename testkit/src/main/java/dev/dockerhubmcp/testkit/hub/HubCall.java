package dev.dockerhubmcp.testkit.hub;

import dev.dockerhubmcp.testkit.FakeResponse;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One call of an action and the exact request it must send: the arguments, then method, path, query (all of it),
 * JSON body (null: none) and {@code Accept} (null: the default of the auth mode, {@code application/json} or
 * {@code application/scim+json}), with the answer the fake Hub gives.
 *
 * <pre>{@code
 * HubCall.of("{\"org\":\"acme\",\"name\":\"dev\"}", "POST", "/v2/orgs/acme/groups", FakeResponse.json(201, TEAM))
 *     .body("{\"name\":\"dev\"}");
 * HubCall.of("{\"org\":\"acme\",\"page\":2}", "GET", "/v2/orgs/acme/groups", FakeResponse.json(200, PAGE))
 *     .query("page", "2");
 * }</pre>
 */
public record HubCall(String args, String method, String path, Map<String, String> query, String body, String accept,
                      FakeResponse response) {
    public HubCall {
        requireNonNull(args, "args is null");
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        query = Map.copyOf(requireNonNull(query, "query is null"));
        requireNonNull(response, "response is null");
    }

    /** A call sending no query and no body. */
    public static HubCall of(String args, String method, String path, FakeResponse response) {
        return new HubCall(args, method, path, Map.of(), null, null, response);
    }

    /** The exact query, as name/value pairs (decoded). */
    public HubCall query(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("query takes name/value pairs");
        }
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.put(pairs[i], pairs[i + 1]);
        }
        return new HubCall(args, method, path, q, body, accept, response);
    }

    /** The exact JSON body. */
    public HubCall body(String json) {
        return new HubCall(args, method, path, query, json, accept, response);
    }

    /** The {@code Accept} header, when not the auth mode's default (e.g. {@code text/csv}). */
    public HubCall accept(String type) {
        return new HubCall(args, method, path, query, body, type, response);
    }
}
