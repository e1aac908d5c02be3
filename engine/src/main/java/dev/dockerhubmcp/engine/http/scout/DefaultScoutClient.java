package dev.dockerhubmcp.engine.http.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.engine.http.HttpEngine;
import dev.dockerhubmcp.engine.http.hub.DefaultHubClient;
import dev.dockerhubmcp.api.scout.ScoutClient;
import dev.dockerhubmcp.engine.safety.Redactor;
import dev.dockerhubmcp.api.scout.ScoutResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Docker Scout's GraphQL API: {@code POST /v1/graphql {query, variables}} with the Hub JWT as bearer. Queries are
 * read-only, so they are retried like GETs (a mutation is not). GraphQL errors map to typed errors by {@code extensions.status} and
 * {@code extensions.code}; errors alongside data become warnings.
 */
public final class DefaultScoutClient implements ScoutClient {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultScoutClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A GraphQL mutation (after comments and whitespace) is not repeated when it may have been applied. */
    private static final Pattern MUTATION = Pattern.compile("(?:\\s|#[^\\n]*\\n)*mutation\\b");

    private final HttpEngine engine;
    private final DefaultHubClient hub;
    private final URI endpoint;

    public DefaultScoutClient(HttpEngine engine, DefaultHubClient hub) {
        this.engine = requireNonNull(engine, "engine is null");
        this.hub = requireNonNull(hub, "hub is null");
        this.endpoint = URI.create(engine.config().scoutUrl() + "/v1/graphql");
    }

    @Override
    public String baseUrl() {
        return engine.config().scoutUrl().toString();
    }

    @Override
    public ScoutResponse query(String query, ObjectNode variables) {
        requireNonNull(query, "query is null");
        if (engine.config().credentials().anonymous()) {
            throw new ActionException(ErrorType.UNAUTHORIZED, "Docker Scout needs Docker Hub credentials: set "
                + "DOCKER_HUB_USER and DOCKER_HUB_TOKEN (a personal access token), or log in with 'docker login'");
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.put("query", query);
        body.set("variables", variables == null ? MAPPER.createObjectNode() : variables);
        String payload = body.toString();
        boolean retrySafe = !MUTATION.matcher(query).lookingAt();
        String jwt = hub.jwt(false);
        HttpResponse<InputStream> response = post(payload, jwt, retrySafe);
        if (response.statusCode() == 401 && hub.canMint()) {
            engine.release(response);
            LOG.debug("scout answered 401; minting a new hub token and retrying once");
            response = post(payload, hub.refreshAfter(jwt), retrySafe);
        }
        byte[] bytes = engine.readCapped("scout", response.body());
        JsonNode json;
        try {
            json = bytes.length == 0 ? null : Redactor.values(MAPPER.readTree(bytes));
        } catch (IOException e) {
            json = null;
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            ActionError error = json != null && json.has("errors") ? graphqlError(json.get("errors"),
                response.statusCode()) : HttpEngine.statusError("scout", response.statusCode(), response.headers(), bytes);
            if (response.statusCode() == 401) {
                error = new ActionError(ErrorType.UNAUTHORIZED, error.message() + "; refused identity: "
                    + hub.describeIdentity(), 401, null, error.details());
            }
            throw new ActionException(error);
        }
        if (json == null || !json.isObject()) {
            throw new ActionException(ErrorType.UPSTREAM, "scout answered a body that is not GraphQL JSON");
        }
        JsonNode data = json.get("data");
        JsonNode errors = json.get("errors");
        boolean hasData = data != null && data.isObject() && hasNonNullField(data);
        if ((errors == null || !errors.isArray() || errors.isEmpty()) && (data == null || !data.isObject())) {
            throw new ActionException(ErrorType.UPSTREAM, "scout answered GraphQL JSON without a 'data' object");
        }
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            if (!hasData) {
                throw new ActionException(graphqlError(errors, response.statusCode()));
            }
            List<String> warnings = new ArrayList<>();
            errors.forEach(e -> warnings.add("partial data: " + e.path("message").asText("error")
                + pathOf(e)));
            return new ScoutResponse(data, warnings);
        }
        return new ScoutResponse(data, List.of());
    }

    private HttpResponse<InputStream> post(String payload, String jwt, boolean retrySafe) {
        return engine.send("scout", () -> HttpRequest.newBuilder(endpoint)
            .timeout(engine.config().readTimeout())
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("User-Agent", "dockerhub-mcp")
            .header("Authorization", "Bearer " + jwt)
            .POST(HttpRequest.BodyPublishers.ofString(payload))
            .build(), retrySafe);
    }

    private static boolean hasNonNullField(JsonNode data) {
        for (JsonNode v : data) {
            if (!v.isNull()) {
                return true;
            }
        }
        return false;
    }

    private static String pathOf(JsonNode error) {
        JsonNode p = error.get("path");
        return p == null ? "" : " (at " + p + ")";
    }

    /** Maps GraphQL errors to one typed error: the first error decides the type. */
    static ActionError graphqlError(JsonNode errors, int httpStatus) {
        JsonNode first = errors.isArray() && !errors.isEmpty() ? errors.get(0) : errors;
        String message = first.path("message").asText("GraphQL error");
        JsonNode ext = first.path("extensions");
        String code = ext.path("code").asText("");
        String statusText = ext.path("status").asText("");
        int status = ext.path("status").canConvertToInt() ? ext.path("status").asInt()
            : statusText.toUpperCase(Locale.ROOT).contains("FORBIDDEN") ? 403
            : statusText.toUpperCase(Locale.ROOT).contains("NOT_FOUND") ? 404 : 0;
        ErrorType type;
        String hint;
        if (status == 402) {
            type = ErrorType.FORBIDDEN;
            hint = " (entitlement: the organization's Docker Scout plan does not include this; check the plan or "
                + "the organization name)";
        } else if (status == 403) {
            type = ErrorType.FORBIDDEN;
            hint = " (the account has no Scout access to this organization or repository; check the 'organization' "
                + "argument and that Scout is enabled for the repository)";
        } else if (status == 401) {
            type = ErrorType.UNAUTHORIZED;
            hint = " (the Hub credentials were refused by Scout)";
        } else if (status == 404) {
            type = ErrorType.NOT_FOUND;
            hint = " (Scout has no data for this image: it may not be analyzed yet, or Scout is not enabled for "
                + "the repository)";
        } else if ("DOWNSTREAM_SERVICE_ERROR".equals(code)) {
            type = ErrorType.UPSTREAM;
            hint = " (a Scout back-end service failed; retry later)";
        } else if ("GRAPHQL_VALIDATION_FAILED".equals(code) || "BAD_USER_INPUT".equals(code)) {
            type = ErrorType.VALIDATION;
            hint = "";
        } else {
            type = httpStatus >= 400 ? ErrorType.forStatus(httpStatus) : ErrorType.UPSTREAM;
            hint = "";
        }
        return new ActionError(type, "scout: " + message + (code.isEmpty() ? "" : " [" + code + "]") + hint,
            status == 0 ? (httpStatus >= 400 ? Integer.valueOf(httpStatus) : null) : Integer.valueOf(status), null,
            errors);
    }
}
