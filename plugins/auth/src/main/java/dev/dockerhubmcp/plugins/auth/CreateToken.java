package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

import java.time.Clock;

/** {@code create_token}: POST /v2/auth/token {identifier, secret}: a credential check; the JWT is never shown. */
final class CreateToken {
    private CreateToken() {
    }

    static final Action ACTION = Action.builder("create_token")
        .description("Check a Docker Hub credential (password, personal or organization access token) by "
            + "exchanging it for a short-lived JWT; answers who it authenticates and when the JWT expires. The "
            + "JWT itself is never shown or kept. The server's own calls keep using its configured credentials.")
        .input(Schema.object()
            .required("identifier", Schema.string("Username (password or PAT) or organization name (OAT)")
                .minLength(2).maxLength(255))
            .required("secret", Schema.string("Password, personal access token (dckr_pat_...) or organization "
                + "access token (dckr_oat_...)").minLength(1).maxLength(4096)))
        .output(Schema.object()
            .required("authenticated", Schema.bool("True when the Hub accepted the credential"))
            .optional("username", Schema.string("The identity the JWT names"))
            .optional("expires_at", Schema.string("JWT expiry").format("date-time"))
            .optional("expires_in_seconds", Schema.integer("Seconds left")))
        .effect(Effect.WRITE)
        .handler((args, ctx) -> handle(args, ctx))
        .build();

    static Result handle(Arguments args, ActionContext ctx) {
        Clock clock = ctx.clock();
        String identifier = args.string("identifier");
        ObjectNode body = Params.NODES.objectNode();
        body.put("identifier", identifier);
        body.put("secret", args.string("secret"));
        HubResponse response = ctx.hub().send(HubRequest.post("/v2/auth/token").body(body).auth(HubAuth.NONE)
            .accepting(401).build());
        if (response.status() == 401) {
            throw new ActionException(new dev.dockerhubmcp.api.ActionError(ErrorType.UNAUTHORIZED,
                "Docker Hub refused the credential of '" + identifier + "': "
                    + response.json().path("message").asText(response.json().path("detail").asText("unauthorized")),
                401, null, null));
        }
        String jwt = response.object().path("access_token").asText("");
        if (jwt.isEmpty()) {
            throw new ActionException(ErrorType.UPSTREAM, "the Hub's token answer had no access_token");
        }
        return Result.ok(response.status(), Identity.of(jwt, identifier, clock));
    }
}
