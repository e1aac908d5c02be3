package dev.dockerhubmcp.plugins.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;

import java.time.Clock;
import java.time.Instant;

/** {@code rate_limit}: the process-wide rate-limit view, fed by every upstream answer of every tool. */
final class RateLimit {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final Action ACTION = Action.builder("rate_limit")
        .description("Show the latest Docker Hub API rate-limit figures (X-RateLimit-*) and registry pull-limit "
            + "figures (RateLimit-*) this server has seen on any tool's call, with when they were seen. No "
            + "network call; use pull_quota to ask the registry now.")
        .input(Schema.object())
        .output(Schema.object()
            .required("hub", Schema.objectProp("{seen, limit, remaining, reset, reset_at, seen_at} or {seen: "
                + "false, note}"))
            .required("registry", Schema.objectProp("{seen, limit, remaining, window_seconds, source, seen_at} "
                + "or {seen: false, note}")))
        .effect(Effect.READ)
        .handler((args, ctx) -> handle(ctx))
        .build();

    private RateLimit() {
    }

    static Result handle(ActionContext ctx) {
        Clock clock = ctx.clock();
        RateLimits limits = ctx.rateLimits();
        ObjectNode data = NODES.objectNode();
        data.set("hub", hub(limits.hub(), clock.instant()));
        data.set("registry", registry(limits.registry(), clock.instant()));
        return Result.ok(data);
    }

    static ObjectNode hub(RateLimits.Snapshot s, Instant now) {
        ObjectNode n = NODES.objectNode();
        if (s == null || s.seenAt() == null) {
            n.put("seen", false);
            n.put("note", "no Docker Hub API answer has carried X-RateLimit-* headers yet in this process");
            return n;
        }
        n.put("seen", true);
        putOrNull(n, "limit", s.limit());
        putOrNull(n, "remaining", s.remaining());
        putOrNull(n, "reset", s.reset());
        if (s.reset() != null) {
            Instant at = Instant.ofEpochSecond(s.reset());
            n.put("reset_at", at.toString());
            n.put("reset_in_seconds", Math.max(0, at.getEpochSecond() - now.getEpochSecond()));
        }
        n.put("seen_at", s.seenAt().toString());
        n.put("seen_seconds_ago", Math.max(0, now.getEpochSecond() - s.seenAt().getEpochSecond()));
        return n;
    }

    static ObjectNode registry(RateLimits.Snapshot s, Instant now) {
        ObjectNode n = NODES.objectNode();
        if (s == null || s.seenAt() == null) {
            n.put("seen", false);
            n.put("note", "no registry answer has carried RateLimit-* headers yet in this process; pull_quota asks "
                + "the registry without using a pull");
            return n;
        }
        n.put("seen", true);
        putOrNull(n, "limit", s.limit());
        putOrNull(n, "remaining", s.remaining());
        putOrNull(n, "window_seconds", s.window());
        String source = s.source() != null && s.source().startsWith("registry:") ? s.source().substring(9) : null;
        if (source != null) {
            n.put("source", source);
        }
        n.put("seen_at", s.seenAt().toString());
        n.put("seen_seconds_ago", Math.max(0, now.getEpochSecond() - s.seenAt().getEpochSecond()));
        return n;
    }

    private static void putOrNull(ObjectNode n, String key, Long v) {
        if (v == null) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }
}
