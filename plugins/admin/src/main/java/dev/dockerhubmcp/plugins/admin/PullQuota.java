package dev.dockerhubmcp.plugins.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.RateLimitHeaders;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pull_quota}: {@code HEAD /v2/ratelimitpreview/test/manifests/latest} on the registry, the request Docker
 * documents for reading the pull limit; a HEAD does not count as a pull.
 */
final class PullQuota {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String REPOSITORY = "ratelimitpreview/test";
    static final String PATH = "manifests/latest";

    static final Action ACTION = Action.builder("pull_quota")
        .description("Ask Docker Hub's registry how many image pulls are left for this server's identity (or its IP "
            + "when anonymous): limit, remaining, window and what the limit is counted against. One HEAD request "
            + "that does not use a pull; undocumented in the Hub API but documented by Docker for this purpose.")
        .input(Schema.object())
        .output(Schema.object()
            .optional("limit", Schema.integer("Pulls allowed per window; null when no limit is reported"))
            .optional("remaining", Schema.integer("Pulls left in the current window"))
            .optional("window_seconds", Schema.integer("The window length in seconds"))
            .optional("source", Schema.string("What the limit is counted against (an IP or an account id)"))
            .required("limited", Schema.bool("Whether the registry refused the request as rate limited (429)"))
            .optional("note", Schema.string("When no limit was reported: what that means")))
        .effect(Effect.READ)
        .handler(PullQuota::handle)
        .build();

    private PullQuota() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        RegistryResponse response = ctx.registry().send(request());
        Result result = fromAnswer(response.status(), response.headers());
        Map<String, String> shown = new LinkedHashMap<>();
        for (String h : List.of("ratelimit-limit", "ratelimit-remaining", "docker-ratelimit-source")) {
            response.header(h).ifPresent(v -> shown.put(h, v));
        }
        return shown.isEmpty() ? result : result.withHeaders(shown);
    }

    static RegistryRequest request() {
        return RegistryRequest.builder("HEAD", REPOSITORY).path(PATH)
            .header("Accept", RegistryClient.MANIFEST_ACCEPT)
            .actions("pull")
            .accepting(429)
            .build();
    }

    /** The answer's figures: {@code RateLimit-Limit: 100;w=21600}, {@code RateLimit-Remaining: 76;w=21600}. */
    static Result fromAnswer(int status, Map<String, List<String>> headers) {
        Optional<RateLimits.Snapshot> snapshot = RateLimitHeaders.registry(headers);
        ObjectNode data = NODES.objectNode();
        boolean limited = status == 429;
        if (snapshot.isEmpty()) {
            data.putNull("limit");
            data.putNull("remaining");
            data.put("limited", limited);
            data.put("note", limited
                ? "the registry answered 429 (rate limited) without saying the limit"
                : "the registry reported no pull limit: the account has no pull limit, or DOCKER_REGISTRY_URL is not "
                + "Docker Hub's registry");
            return Result.ok(status, data);
        }
        RateLimits.Snapshot s = snapshot.get();
        putOrNull(data, "limit", s.limit());
        putOrNull(data, "remaining", limited && s.remaining() == null ? Long.valueOf(0) : s.remaining());
        putOrNull(data, "window_seconds", s.window());
        if (s.source() != null && s.source().startsWith("registry:")) {
            data.put("source", s.source().substring("registry:".length()));
        }
        data.put("limited", limited);
        return Result.ok(status, data);
    }

    private static void putOrNull(ObjectNode n, String key, Long v) {
        if (v == null) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }
}
