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

/** DELETE /v2/orgs/{org_name}/members/{username}. */
final class RemoveMember {
    static final Action ACTION = Action.builder("remove_member")
        .description("Remove a member from an organization and all its teams (refused upstream for the last owner). "
            + "Destructive: the user loses access to the org's private repositories. One request.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("username", Params.username()))
        .output(Schema.object()
            .required("removed", Schema.bool(null))
            .required("org", Schema.string(null))
            .required("username", Schema.string(null)))
        .effect(Effect.DESTRUCTIVE)
        .handler(RemoveMember::handle)
        .build();

    private RemoveMember() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = ctx.hub().send(HubRequest.delete("/v2/orgs/{}/members/{}", args.string("org"),
            args.string("username")).build());
        return Result.ok(r.status(), JsonNodes.object().put("removed", true).put("org", args.string("org"))
            .put("username", args.string("username")));
    }
}
