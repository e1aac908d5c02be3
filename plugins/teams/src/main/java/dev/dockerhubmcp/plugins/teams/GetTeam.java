package dev.dockerhubmcp.plugins.teams;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** GET /v2/orgs/{org_name}/groups/{group_name}. */
final class GetTeam {
    static final Action ACTION = Action.builder("get")
        .description("Read one team of an organization: id (the group_id repository permissions use), name, "
            + "description, member_count. One request.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("team", Params.team())
            .optional("verbose", Params.verbose()))
        .output(Params.teamOutput())
        .effect(Effect.READ)
        .handler(GetTeam::handle)
        .build();

    private GetTeam() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = ctx.hub().send(HubRequest.get("/v2/orgs/{}/groups/{}", args.string("org"),
            args.string("team")).build());
        return Result.ok(r.status(), Params.team(r.object(), args.bool("verbose", false)));
    }
}
