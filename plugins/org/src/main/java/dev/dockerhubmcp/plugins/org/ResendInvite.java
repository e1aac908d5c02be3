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

/** PATCH /v2/invites/{id}/resend (no body). */
final class ResendInvite {
    static final Action ACTION = Action.builder("resend_invite")
        .description("Send a pending organization invite's email again, by invite id (from list_invites). One "
            + "request; any org owner may call it.")
        .input(Schema.object().required("id", Params.inviteId()))
        .output(Schema.object()
            .required("resent", Schema.bool(null))
            .required("id", Schema.string(null)))
        .effect(Effect.WRITE)
        .handler(ResendInvite::handle)
        .build();

    private ResendInvite() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = ctx.hub().send(HubRequest.patch("/v2/invites/{}/resend", args.string("id")).build());
        return Result.ok(r.status(), JsonNodes.object().put("resent", true).put("id", args.string("id")));
    }
}
