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

/** {@code delete_tag}: DELETE /v2/repositories/{namespace}/{repository}/tags/{tag}/ (undocumented). */
final class DeleteTag {
    static final Action ACTION = Action.builder("delete_tag")
        .description("Delete one tag from a repository (undocumented Hub endpoint; Docker Hub's registry refuses "
            + "manifest DELETE, so this is the way to clean up tags). Cannot be undone; images reachable only "
            + "through this tag become untagged. Destructive: needs DOCKERHUB_ALLOW_DESTRUCTIVE=true.")
        .input(Schema.object()
            .required("namespace", Params.namespace())
            .required("repository", Params.repository())
            .required("tag", Params.tag()))
        .output(Schema.object().required("deleted", Schema.bool("True once the Hub confirmed")))
        .effect(Effect.DESTRUCTIVE)
        .handler(DeleteTag::handle)
        .build();

    private DeleteTag() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String tag = args.string("tag");
        HubResponse response = ctx.hub().send(HubRequest.delete("/v2/repositories/{}/{}/tags/{}/",
            args.string("namespace"), args.string("repository"), tag).build());
        ObjectNode data = Compact.NODES.objectNode();
        data.put("deleted", true);
        data.put("tag", tag);
        return Result.ok(response.status(), data);
    }
}
