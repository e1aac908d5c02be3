package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

/** {@code delete_blob}: DELETE /v2/{repo}/blobs/{digest} (unlinks it from the repository). */
final class DeleteBlob {
    static final Action ACTION = Action.builder("delete_blob")
        .description("Deletes a blob from a repository (DELETE /v2/<repo>/blobs/<digest>). Manifests that reference "
            + "it break. Irreversible; many registries refuse (405).")
        .input(Schema.object()
            .required("repository", Params.repository())
            .required("digest", Params.digest("Blob digest")))
        .output(Schema.object().required("deleted", Schema.string("Digest deleted")))
        .effect(Effect.DESTRUCTIVE)
        .handler(DeleteBlob::handle)
        .build();

    private DeleteBlob() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        String digest = args.string("digest");
        RegistryResponse r = ctx.registry().send(RegistryRequest.builder("DELETE", repo).path("blobs/" + digest)
            .actions("pull,push,delete").build());
        ObjectNode data = Params.obj();
        data.put("repository", repo);
        data.put("deleted", digest);
        return Result.ok(r.status(), data);
    }
}
