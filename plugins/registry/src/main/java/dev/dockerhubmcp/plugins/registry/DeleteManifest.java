package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

/**
 * {@code delete_manifest}: DELETE /v2/{repo}/manifests/{digest}. A tag is first resolved to its digest (HEAD), as
 * registries delete by digest; every tag pointing at that manifest goes with it. Docker Hub refuses with 405
 * (delete tags through the Hub API instead).
 */
final class DeleteManifest {
    static final Action ACTION = Action.builder("delete_manifest")
        .description("Deletes a manifest by digest (a tag is resolved to its digest first); every tag pointing at it "
            + "disappears too. Irreversible. Docker Hub answers 405 here: delete tags with the Hub repository tools.")
        .input(Schema.object()
            .required("repository", Reg.repository())
            .required("reference", Reg.reference()))
        .output(Schema.object()
            .required("deleted", Schema.string("Digest deleted"))
            .optional("resolved_from", Schema.string("The tag that was resolved")))
        .effect(Effect.DESTRUCTIVE)
        .handler(DeleteManifest::handle)
        .build();

    private DeleteManifest() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Reg.repository(args);
        String ref = args.string("reference");
        String digest = ref;
        if (!Reg.isDigest(ref)) {
            RegistryResponse head = ctx.registry().send(RegistryRequest.builder("HEAD", repo)
                .path("manifests/" + ref).build());
            digest = head.header("docker-content-digest").orElseThrow(() -> new ActionException(ErrorType.UPSTREAM,
                "the registry gave no digest for tag " + ref + "; delete by digest instead"));
        }
        RegistryResponse r = ctx.registry().send(RegistryRequest.builder("DELETE", repo)
            .path("manifests/" + digest).actions("pull,push,delete").build());
        ObjectNode data = Reg.obj();
        data.put("repository", repo);
        data.put("deleted", digest);
        if (!Reg.isDigest(ref)) {
            data.put("resolved_from", ref);
        }
        return Result.ok(r.status(), data);
    }
}
