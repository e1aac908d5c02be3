package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** {@code delete_oat}: DELETE /v2/orgs/{org}/access-tokens/{id}. */
final class DeleteOat {
    static final Action ACTION = Action.builder("delete_oat")
        .description("Delete an organization access token for good: every pipeline using it fails from then on; "
            + "cannot be undone (update_oat with is_active false is reversible). Destructive.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("id", Params.uuid("The token's id (from list_oats)")))
        .output(Schema.object().required("deleted", Schema.bool("True once the Hub confirmed")))
        .effect(Effect.DESTRUCTIVE)
        .handler(DeleteOat::handle)
        .build();

    private DeleteOat() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String id = args.string("id");
        HubResponse response = ctx.hub().send(HubRequest.delete("/v2/orgs/{}/access-tokens/{}", args.string("org"),
            id).build());
        ObjectNode data = Params.NODES.objectNode();
        data.put("deleted", true);
        data.put("id", id);
        return Result.ok(response.status(), data);
    }
}
