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

/** {@code check_manifest}: HEAD /v2/{repo}/manifests/{ref}; 404 is an answer ({@code exists: false}), not an error. */
final class CheckManifest {
    static final Action ACTION = Action.builder("check_manifest")
        .description("Tells whether a tag or digest exists in a repository (HEAD manifest); a missing one answers "
            + "exists=false rather than an error. One request; does not count as a pull on Docker Hub.")
        .input(Schema.object()
            .required("repository", Params.repository())
            .optional("reference", Params.reference()))
        .output(Schema.object()
            .required("exists", Schema.bool("Whether the manifest exists"))
            .optional("digest", Schema.string("Docker-Content-Digest"))
            .optional("media_type", Schema.string("Content-Type"))
            .optional("size", Schema.integer("Content-Length")))
        .effect(Effect.READ)
        .handler(CheckManifest::handle)
        .build();

    private CheckManifest() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        String ref = Params.reference(args);
        RegistryResponse r = ctx.registry().send(RegistryRequest.builder("HEAD", repo)
            .path("manifests/" + ref).accepting(404).build());
        boolean exists = r.status() == 200;
        ObjectNode data = Params.obj();
        data.put("exists", exists);
        if (exists) {
            data.put("digest", r.header("docker-content-digest").orElse(Params.isDigest(ref) ? ref : null));
            data.put("media_type", r.header("content-type").orElse(null));
            r.header("content-length").ifPresent(l -> data.put("size", Long.parseLong(l)));
        }
        return Result.exists(r.status(), exists, data).withHeaders(Params.headers(r));
    }
}
