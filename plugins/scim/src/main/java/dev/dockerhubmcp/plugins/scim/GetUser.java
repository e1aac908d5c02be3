package dev.dockerhubmcp.plugins.scim;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** GET /v2/scim/2.0/Users/{id}. */
final class GetUser {
    static final Action ACTION = Action.builder("get_user")
        .description("Read one SCIM-provisioned user by id: userName (email), displayName (Docker ID), active, "
            + "name, teams. One request with the SCIM token (DOCKERHUB_SCIM_TOKEN).")
        .input(Schema.object()
            .required("id", Scim.userId())
            .optional("verbose", Scim.verbose()))
        .output(Scim.userOutput())
        .effect(Effect.READ)
        .handler(GetUser::handle)
        .build();

    private GetUser() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = Scim.send(ctx, HubRequest.get(Scim.BASE + "/Users/{}", args.string("id")));
        return Result.ok(r.status(), Scim.user(r.object(), args.bool("verbose", false)));
    }
}
