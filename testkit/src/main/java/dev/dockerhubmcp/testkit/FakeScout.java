package dev.dockerhubmcp.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake Docker Scout GraphQL endpoint ({@code POST /v1/graphql}): answers are chosen by the first top-level field
 * name that appears in the query text; requests without a bearer token get 401.
 *
 * <pre>{@code
 * scout.onField("imageSummariesByDigest", "{\"data\":{\"imageSummariesByDigest\":[...]}}");
 * scout.onField("vulnerabilitiesByPackage", req -> FakeResponse.json(200, ...));
 * }</pre>
 */
public final class FakeScout extends FakeHttpServer {
    private record Handler(String field, Function<RecordedRequest, FakeResponse> answer) {
    }

    private final List<Handler> handlers = new CopyOnWriteArrayList<>();

    private FakeScout() {
        super();
        on("POST", "/v1/graphql").handle(this::answer);
    }

    public static FakeScout start() {
        return new FakeScout();
    }

    /** Answers queries mentioning {@code field} with a whole GraphQL response body (JSON text or object). */
    public FakeScout onField(String field, Object responseBody) {
        FakeResponse r = FakeResponse.json(200, responseBody);
        handlers.add(0, new Handler(field, req -> r));
        return this;
    }

    public FakeScout onField(String field, Function<RecordedRequest, FakeResponse> answer) {
        handlers.add(0, new Handler(field, answer));
        return this;
    }

    /** The GraphQL queries received, in order. */
    public List<String> queries() {
        return requests().stream().filter(r -> r.path().equals("/v1/graphql")).map(r -> r.json().path("query").asText())
            .toList();
    }

    /** The variables of the last query. */
    public JsonNode lastVariables() {
        return lastRequest().json().path("variables");
    }

    private FakeResponse answer(RecordedRequest req) {
        if (req.bearer().isEmpty()) {
            return FakeResponse.json(401, Map.of("message", "unauthorized"));
        }
        String query = req.json().path("query").asText("");
        for (Handler h : handlers) {
            if (query.contains(h.field())) {
                return h.answer().apply(req);
            }
        }
        return FakeResponse.json(200, Map.of("errors", List.of(Map.of("message", "no fake answer for this query",
            "extensions", Map.of("code", "GRAPHQL_VALIDATION_FAILED")))));
    }
}
