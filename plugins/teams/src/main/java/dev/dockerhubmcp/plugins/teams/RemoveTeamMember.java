package dev.dockerhubmcp.plugins.teams;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** DELETE /v2/orgs/{org_name}/groups/{group_name}/members/{username}. */
final class RemoveTeamMember {
    static final Action ACTION = Action.builder("remove_member")
        .description("Remove a user from a team (they stay in the organization but lose the team's repository "
            + "access). Destructive. One request; org owners only.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("team", Params.team())
            .required("username", Params.username("Docker ID (username) to remove from the team")))
        .output(Schema.object()
            .required("removed", Schema.bool(null))
            .required("team", Schema.string(null))
            .required("username", Schema.string(null)))
        .effect(Effect.DESTRUCTIVE)
        .handler(RemoveTeamMember::handle)
        .build();

    private RemoveTeamMember() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = ctx.hub().send(HubRequest.delete("/v2/orgs/{}/groups/{}/members/{}", args.string("org"),
            args.string("team"), args.string("username")).build());
        return Result.ok(r.status(), JsonNodes.object().put("removed", true).put("team", args.string("team"))
            .put("username", args.string("username")));
    }
}
