package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** PATCH /v2/orgs/{org_name}/groups/{group_name} {@code {name?, description?}}: sends only what was given. */
final class PatchTeam {
    static final Action ACTION = Action.builder("patch")
        .description("Change some of a team's details: a new name and/or description; fields not given are left "
            + "as they are. One request; org owners only.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("team", Params.team())
            .optional("name", Params.newName("New name for the team"))
            .optional("description", Params.description())
            .optional("verbose", Params.verbose()))
        .output(Params.teamOutput())
        .effect(Effect.WRITE)
        .handler(PatchTeam::handle)
        .build();

    private PatchTeam() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        ObjectNode body = JsonNodes.object();
        args.optString("name").ifPresent(n -> body.put("name", n));
        args.optString("description").ifPresent(d -> body.put("description", d));
        if (body.isEmpty()) {
            throw ActionException.validation("'name' or 'description' is required: give at least one field to change");
        }
        HubResponse r = ctx.hub().send(HubRequest.patch("/v2/orgs/{}/groups/{}", args.string("org"),
            args.string("team")).body(body).build());
        return Result.ok(r.status(), Params.team(r.object(), args.bool("verbose", false)));
    }
}
