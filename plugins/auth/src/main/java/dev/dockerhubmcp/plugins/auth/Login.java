package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.JsonNode;
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

/** {@code login}: POST /v2/users/login {username, password} (deprecated upstream); a 2FA challenge is an answer. */
final class Login {
    private Login() {
    }

    static Action action(TwoFactorChallenges challenges) {
        return Action.builder("login")
            .description("Log in with username and password or PAT (deprecated Hub endpoint; prefer create_token). "
                + "With two-factor authentication on, answers second_factor_required: then call two_factor_login "
                + "with the username and the code (the challenge token stays inside the server for "
                + TwoFactorChallenges.LIFETIME.toMinutes() + " minutes). The JWT is never shown.")
            .input(Schema.object()
                .required("username", Schema.string("Docker ID").minLength(2).maxLength(255))
                .required("password", Schema.string("Password or personal access token").minLength(1)
                    .maxLength(4096)))
            .output(Schema.object()
                .required("authenticated", Schema.bool("True when logged in"))
                .optional("second_factor_required", Schema.bool("True when a 2FA code is needed"))
                .optional("next", Schema.string("What to call next"))
                .optional("username", Schema.string("The identity"))
                .optional("expires_at", Schema.string("JWT expiry").format("date-time")))
            .effect(Effect.WRITE)
            .handler((args, ctx) -> handle(args, ctx, challenges))
            .build();
    }

    static Result handle(Arguments args, ActionContext ctx, TwoFactorChallenges challenges) {
        String username = args.string("username");
        ObjectNode body = Params.NODES.objectNode();
        body.put("username", username);
        body.put("password", args.string("password"));
        HubResponse response = ctx.hub().send(HubRequest.post("/v2/users/login").body(body).auth(HubAuth.NONE)
            .accepting(401).build());
        JsonNode json = response.json();
        if (response.status() == 401) {
            String challenge = json.path("login_2fa_token").asText("");
            if (challenge.isEmpty()) {
                throw new ActionException(new ActionError(ErrorType.UNAUTHORIZED, "Docker Hub refused the login of '"
                    + username + "': " + json.path("detail").asText("incorrect credentials"), 401, null, null));
            }
            challenges.put(username, challenge, ctx.clock().instant());
            ObjectNode data = Params.NODES.objectNode();
            data.put("authenticated", false);
            data.put("second_factor_required", true);
            data.put("username", username);
            data.put("next", "call two_factor_login with username '" + username + "' and the 6-digit code from the "
                + "authenticator app within " + TwoFactorChallenges.LIFETIME.toMinutes() + " minutes");
            return Result.ok(401, data);
        }
        challenges.remove(username);
        return Result.ok(response.status(), Identity.of(response.object().path("token").asText(""), username,
            ctx.clock()));
    }
}
