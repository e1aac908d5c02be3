package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** {@code two_factor_login}: POST /v2/users/2fa-login {login_2fa_token, code}. */
final class TwoFactorLogin {
    private TwoFactorLogin() {
    }

    static Action action(TwoFactorChallenges challenges) {
        return Action.builder("two_factor_login")
            .description("Finish a login that answered second_factor_required: give the same username and the "
                + "current 6-digit code; the server supplies the challenge token it kept. The JWT is never shown.")
            .input(Schema.object()
                .optional("username", Schema.string("The Docker ID used with login").minLength(2).maxLength(255))
                .required("code", Schema.string("The 6-digit TOTP code").pattern("^[0-9]{6}$"))
                .optional("login_2fa_token", Schema.string("Only if you hold the challenge token yourself; normally "
                    + "omitted").minLength(1).maxLength(4096)))
            .output(Schema.object()
                .required("authenticated", Schema.bool("True when logged in"))
                .optional("username", Schema.string("The identity"))
                .optional("expires_at", Schema.string("JWT expiry").format("date-time")))
            .effect(Effect.WRITE)
            .handler((args, ctx) -> handle(args, ctx, challenges))
            .build();
    }

    static Result handle(Arguments args, ActionContext ctx, TwoFactorChallenges challenges) {
        String username = args.optString("username").orElse(null);
        String token = args.optString("login_2fa_token").orElse(null);
        if (token == null) {
            if (username == null) {
                throw ActionException.validation("'username' is required (the one given to login), unless "
                    + "'login_2fa_token' is given");
            }
            token = challenges.get(username, ctx.clock().instant()).orElseThrow(() -> ActionException.validation("no pending second "
                + "factor for 'username' '" + username + "': call login first (a challenge lasts "
                + TwoFactorChallenges.LIFETIME.toMinutes() + " minutes)"));
        }
        ObjectNode body = Params.NODES.objectNode();
        body.put("login_2fa_token", token);
        body.put("code", args.string("code"));
        HubResponse response = ctx.hub().send(HubRequest.post("/v2/users/2fa-login").body(body).auth(HubAuth.NONE)
            .accepting(401).build());
        if (response.status() == 401) {
            throw new ActionException(new ActionError(ErrorType.UNAUTHORIZED, "Docker Hub refused the code: "
                + response.json().path("detail").asText("incorrect code") + " (the challenge stays valid until it "
                + "expires; try the next code)", 401, null, null));
        }
        if (username != null) {
            challenges.remove(username);
        }
        return Result.ok(response.status(), Identity.of(response.object().path("token").asText(""), username,
            ctx.clock()));
    }
}
