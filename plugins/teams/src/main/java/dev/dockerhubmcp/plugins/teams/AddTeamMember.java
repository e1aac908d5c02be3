package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** POST /v2/orgs/{org_name}/groups/{group_name}/members {@code {member}}. */
final class AddTeamMember {
    static final Action ACTION = Action.builder("add_member")
        .description("Add an organization member to a team by Docker ID; they gain the repository access the team "
            + "has. One request; org owners only (invite people who are not members yet with hub_org bulk_invite).")
        .input(Schema.object()
            .required("org", Params.org())
            .required("team", Params.team())
            .required("member", Params.username("Docker ID (username) of the organization member to add")))
        .output(Schema.object()
            .required("added", Schema.bool(null))
            .required("team", Schema.string(null))
            .required("member", Schema.string(null)))
        .effect(Effect.WRITE)
        .handler(AddTeamMember::handle)
        .build();

    private AddTeamMember() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        ObjectNode body = JsonNodes.object().put("member", args.string("member"));
        HubResponse r = ctx.hub().send(HubRequest.post("/v2/orgs/{}/groups/{}/members", args.string("org"),
            args.string("team")).body(body).build());
        return Result.ok(r.status(), JsonNodes.object().put("added", true).put("team", args.string("team"))
            .put("member", args.string("member")));
    }
}
