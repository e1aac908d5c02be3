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

/** {@code delete_pat}: DELETE /v2/access-tokens/{uuid}. */
final class DeletePat {
    static final Action ACTION = Action.builder("delete_pat")
        .description("Delete a personal access token for good: every client using it fails from then on; cannot be "
            + "undone (update_pat with is_active false is reversible). Destructive.")
        .input(Schema.object().required("uuid", Params.uuid("The token's UUID (from list_pats)")))
        .output(Schema.object().required("deleted", Schema.bool("True once the Hub confirmed")))
        .effect(Effect.DESTRUCTIVE)
        .handler(DeletePat::handle)
        .build();

    private DeletePat() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String uuid = args.string("uuid");
        HubResponse response = ctx.hub().send(HubRequest.delete("/v2/access-tokens/{}", uuid).build());
        ObjectNode data = Params.NODES.objectNode();
        data.put("deleted", true);
        data.put("uuid", uuid);
        return Result.ok(response.status(), data);
    }
}
