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

/** POST /v2/orgs/{org_name}/groups {@code {name, description?}} → 201. */
final class CreateTeam {
    static final Action ACTION = Action.builder("create")
        .description("Create a team (group) in an organization, with an optional description; answers the new "
            + "team with its id. One request; org owners only.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("name", Params.newName("Name of the new team"))
            .optional("description", Params.description())
            .optional("verbose", Params.verbose()))
        .output(Params.teamOutput())
        .effect(Effect.WRITE)
        .handler(CreateTeam::handle)
        .build();

    private CreateTeam() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        ObjectNode body = JsonNodes.object().put("name", args.string("name"));
        args.optString("description").ifPresent(d -> body.put("description", d));
        HubResponse r = ctx.hub().send(HubRequest.post("/v2/orgs/{}/groups", args.string("org")).body(body).build());
        return Result.ok(r.status(), Params.team(r.object(), args.bool("verbose", false)));
    }
}
