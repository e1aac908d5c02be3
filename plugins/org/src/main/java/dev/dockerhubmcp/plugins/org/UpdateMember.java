package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
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

/** PUT /v2/orgs/{org_name}/members/{username} {@code {role}}. */
final class UpdateMember {
    static final Action ACTION = Action.builder("update_member")
        .description("Change an organization member's role to owner, editor or member. One request; only org owners "
            + "may call it.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("username", Params.username())
            .required("role", Schema.string("The new role").enumOf(Params.ROLES))
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .optional("username", Schema.string(null))
            .optional("role", Schema.string("The role Docker Hub reports (Owner, Member, …)"))
            .allowAdditional())
        .effect(Effect.WRITE)
        .handler(UpdateMember::handle)
        .build();

    private UpdateMember() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        ObjectNode body = JsonNodes.object().put("role", args.string("role"));
        HubResponse r = ctx.hub().send(HubRequest.put("/v2/orgs/{}/members/{}", args.string("org"),
            args.string("username")).body(body).build());
        JsonNode member = r.object();
        return Result.ok(r.status(), args.bool("verbose", false) || !member.isObject() ? member
            : JsonNodes.pick(member, "username", "full_name", "email", "role", "type", "groups", "is_guest"));
    }
}
