package dev.dockerhubmcp.plugins.auth;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** {@code get_oat}: GET /v2/orgs/{org}/access-tokens/{id}. */
final class GetOat {
    static final Action ACTION = Action.builder("get_oat")
        .description("Get one organization access token by id, with the resources and scopes it grants; the token "
            + "value is never included.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("id", Params.uuid("The token's id (from list_oats)"))
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("id", Schema.string("Id"))
            .optional("label", Schema.string("Label"))
            .optional("is_active", Schema.bool("Active"))
            .optional("resources", Schema.array(Schema.objectProp("{type, path, scopes}"), "Grants")))
        .effect(Effect.READ)
        .handler(GetOat::handle)
        .build();

    private GetOat() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        HubResponse response = ctx.hub().send(HubRequest.get("/v2/orgs/{}/access-tokens/{}", args.string("org"),
            args.string("id")).build());
        return Result.ok(response.status(), args.bool("verbose", false) ? response.object()
            : Tokens.oat(response.object()));
    }
}
