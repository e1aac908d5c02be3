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

/** DELETE /v2/orgs/{org_name}/groups/{group_name}. */
final class DeleteTeam {
    static final Action ACTION = Action.builder("delete")
        .description("Delete a team from an organization; its members lose the repository access the team "
            + "granted. Destructive and irreversible. One request; org owners only.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("team", Params.team()))
        .output(Schema.object()
            .required("deleted", Schema.bool(null))
            .required("team", Schema.string(null)))
        .effect(Effect.DESTRUCTIVE)
        .handler(DeleteTeam::handle)
        .build();

    private DeleteTeam() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = ctx.hub().send(HubRequest.delete("/v2/orgs/{}/groups/{}", args.string("org"),
            args.string("team")).build());
        return Result.ok(r.status(), JsonNodes.object().put("deleted", true).put("team", args.string("team")));
    }
}
