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

/** {@code delete}: DELETE /v2/repositories/{namespace}/{repository}/ (undocumented). */
final class DeleteRepository {
    static final Action ACTION = Action.builder("delete")
        .description("Delete a repository with all its tags and images (undocumented Hub endpoint). Cannot be "
            + "undone; anyone pulling it will fail. Destructive: needs DOCKERHUB_ALLOW_DESTRUCTIVE=true.")
        .input(Schema.object()
            .required("namespace", Params.namespace())
            .required("repository", Params.repository()))
        .output(Schema.object().required("deleted", Schema.bool("True once the Hub confirmed")))
        .effect(Effect.DESTRUCTIVE)
        .handler(DeleteRepository::handle)
        .build();

    private DeleteRepository() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String namespace = args.string("namespace");
        String repository = args.string("repository");
        HubResponse response = ctx.hub().send(HubRequest.delete("/v2/repositories/{}/{}/", namespace, repository)
            .build());
        ObjectNode data = Compact.NODES.objectNode();
        data.put("deleted", true);
        data.put("repository", namespace + "/" + repository);
        return Result.ok(response.status(), data);
    }
}
