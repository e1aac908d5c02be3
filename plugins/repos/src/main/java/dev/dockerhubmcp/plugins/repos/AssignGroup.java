package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** {@code assign_group}: POST /v2/repositories/{namespace}/{repository}/groups {group_id, permission}. */
final class AssignGroup {
    static final Action ACTION = Action.builder("assign_group")
        .description("Give an organization team (group) read, write or admin access to a repository of that "
            + "organization. Find the numeric group_id with hub_teams list.")
        .input(Schema.object()
            .required("namespace", Params.namespace())
            .required("repository", Params.repository())
            .required("group_id", Schema.integer("Numeric id of the organization's team (group)").min(1))
            .required("permission", Schema.string("read: pull; write: pull and push; admin: also settings")
                .enumOf("read", "write", "admin")))
        .output(Schema.object()
            .optional("group_id", Schema.integer("Team id"))
            .optional("group_name", Schema.string("Team name"))
            .optional("permission", Schema.string("Permission granted")))
        .effect(Effect.WRITE)
        .handler(AssignGroup::handle)
        .build();

    private AssignGroup() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        ObjectNode body = Compact.NODES.objectNode();
        body.put("group_id", args.longValue("group_id", 0));
        body.put("permission", args.string("permission"));
        HubResponse response = ctx.hub().send(HubRequest.post("/v2/repositories/{}/{}/groups",
            args.string("namespace"), args.string("repository")).body(body).build());
        return Result.ok(response.status(), response.json());
    }
}
