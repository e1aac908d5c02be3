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

/** PUT /v2/orgs/{org_name}/groups/{group_name} {@code {name, description?}}: the spec requires {@code name}. */
final class UpdateTeam {
    static final Action ACTION = Action.builder("update")
        .description("Replace a team's details (PUT): name is required (repeat the current one to keep it), "
            + "description optional. To change a single field use patch. One request; org owners only.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("team", Params.team())
            .required("name", Params.newName("The team's name after the update (required by the API)"))
            .optional("description", Params.description())
            .optional("verbose", Params.verbose()))
        .output(Params.teamOutput())
        .effect(Effect.WRITE)
        .handler(UpdateTeam::handle)
        .build();

    private UpdateTeam() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        ObjectNode body = JsonNodes.object().put("name", args.string("name"));
        args.optString("description").ifPresent(d -> body.put("description", d));
        HubResponse r = ctx.hub().send(HubRequest.put("/v2/orgs/{}/groups/{}", args.string("org"),
            args.string("team")).body(body).build());
        return Result.ok(r.status(), Params.team(r.object(), args.bool("verbose", false)));
    }
}
