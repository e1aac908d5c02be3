package dev.dockerhubmcp.plugins.auth;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** {@code get_pat}: GET /v2/access-tokens/{uuid}. */
final class GetPat {
    static final Action ACTION = Action.builder("get_pat")
        .description("Get one of your personal access tokens by UUID (label, scopes, active, dates); the token "
            + "value is never included.")
        .input(Schema.object()
            .required("uuid", Params.uuid("The token's UUID (from list_pats)"))
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("uuid", Schema.string("UUID"))
            .optional("token_label", Schema.string("Label"))
            .optional("scopes", Schema.array(Schema.string("Scope"), "Scopes"))
            .optional("is_active", Schema.bool("Active")))
        .effect(Effect.READ)
        .handler(GetPat::handle)
        .build();

    private GetPat() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        HubResponse response = ctx.hub().send(HubRequest.get("/v2/access-tokens/{}", args.string("uuid")).build());
        return Result.ok(response.status(), args.bool("verbose", false) ? response.object()
            : Tokens.pat(response.object()));
    }
}
