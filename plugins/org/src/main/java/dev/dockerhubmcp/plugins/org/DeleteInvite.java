package dev.dockerhubmcp.plugins.org;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** DELETE /v2/invites/{id}. */
final class DeleteInvite {
    static final Action ACTION = Action.builder("delete_invite")
        .description("Cancel a pending organization invite by id (from list_invites); the invitee can no longer "
            + "accept it. One request; org owners only.")
        .input(Schema.object().required("id", Params.inviteId()))
        .output(Schema.object()
            .required("cancelled", Schema.bool(null))
            .required("id", Schema.string(null)))
        .effect(Effect.DESTRUCTIVE)
        .handler(DeleteInvite::handle)
        .build();

    private DeleteInvite() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = ctx.hub().send(HubRequest.delete("/v2/invites/{}", args.string("id")).build());
        return Result.ok(r.status(), JsonNodes.object().put("cancelled", true).put("id", args.string("id")));
    }
}
