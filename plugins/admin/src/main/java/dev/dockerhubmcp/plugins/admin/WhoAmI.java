package dev.dockerhubmcp.plugins.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubIdentity;

import java.time.Clock;
import java.util.Map;

/** {@code whoami}: who the shared Hub client acts as, from the JWT's safe claims; never a secret. */
final class WhoAmI {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String HOW_TO_LOG_IN = "set DOCKER_HUB_USER and DOCKER_HUB_TOKEN (a personal access token, or an "
        + "organization name and organization access token) in the server's environment, or run 'docker login' as the "
        + "user the server runs as; DOCKERHUB_JWT (a ready JWT) also works. Restart the server afterwards.";

    static final Action ACTION = Action.builder("whoami")
        .description("Tell who this server acts as on Docker Hub: authenticated or anonymous, the identity, "
            + "where the credential came from and its kind (password, pat, oat, jwt), the token's expiry and safe "
            + "claims. Reads the cached JWT; mints one (one Hub request) only when none is cached.")
        .input(Schema.object())
        .output(Schema.object()
            .required("authenticated", Schema.bool("Whether the server holds Docker Hub credentials"))
            .optional("identity", Schema.string("User or organization the token belongs to"))
            .required("credential_source", Schema.string("DOCKERHUB_JWT, DOCKER_HUB_USER/DOCKER_HUB_TOKEN, "
                + "DOCKERHUB_USERNAME/DOCKERHUB_TOKEN, docker-config, docker-credential-<name> or anonymous"))
            .optional("credential_kind", Schema.string("password, pat, oat or jwt"))
            .optional("expires_at", Schema.string("When the current JWT expires").format("date-time"))
            .optional("expires_in_seconds", Schema.integer("Seconds left on the current JWT"))
            .optional("claims", Schema.objectProp("Identifying JWT claims (no token material)"))
            .optional("how_to_log_in", Schema.string("When anonymous: what to configure")))
        .effect(Effect.READ)
        .handler((args, ctx) -> handle(ctx))
        .build();

    private WhoAmI() {
    }

    static Result handle(ActionContext ctx) {
        Clock clock = ctx.clock();
        HubIdentity id = ctx.hub().identity();
        ObjectNode data = NODES.objectNode();
        data.put("authenticated", id.authenticated());
        if (!id.authenticated()) {
            data.put("credential_source", id.source() == null ? "anonymous" : id.source());
            data.put("how_to_log_in", HOW_TO_LOG_IN);
            return Result.ok(data);
        }
        if (id.username() != null) {
            data.put("identity", id.username());
        }
        data.put("credential_source", id.source());
        if (id.credentialKind() != null) {
            data.put("credential_kind", id.credentialKind());
        }
        if (id.expiresAt() != null) {
            data.put("expires_at", id.expiresAt().toString());
            data.put("expires_in_seconds", id.expiresAt().getEpochSecond() - clock.instant().getEpochSecond());
        }
        ObjectNode claims = data.putObject("claims");
        for (Map.Entry<String, Object> c : id.claims().entrySet()) {
            Object v = c.getValue();
            if (v instanceof Number n) {
                claims.put(c.getKey(), n.longValue());
            } else if (v != null) {
                claims.put(c.getKey(), String.valueOf(v));
            }
        }
        Result result = Result.ok(data);
        if (id.expiresAt() != null && !id.expiresAt().isAfter(clock.instant())) {
            result = result.withWarning("the JWT has expired" + ("jwt".equals(id.credentialKind())
                ? ": DOCKERHUB_JWT is used as-is and never refreshed; set a fresh one" : ""));
        }
        return result;
    }
}
