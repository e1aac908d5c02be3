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

/** {@code check_blob}: HEAD /v2/{repo}/blobs/{digest}; 404 answers {@code exists: false}. */
final class CheckBlob {
    static final Action ACTION = Action.builder("check_blob")
        .description("Tells whether a blob exists in a repository and its size (HEAD, no download). Use before "
            + "uploading or mounting to skip blobs the registry already has.")
        .input(Schema.object()
            .required("repository", Params.repository())
            .required("digest", Params.digest("Blob digest")))
        .output(Schema.object()
            .required("exists", Schema.bool("Whether the blob exists"))
            .optional("size", Schema.integer("Content-Length"))
            .optional("digest", Schema.string("Digest")))
        .effect(Effect.READ)
        .handler(CheckBlob::handle)
        .build();

    private CheckBlob() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        String digest = args.string("digest");
        RegistryResponse r = ctx.registry().send(RegistryRequest.builder("HEAD", repo).path("blobs/" + digest)
            .accepting(404).build());
        boolean exists = r.status() == 200;
        ObjectNode data = Params.obj();
        data.put("exists", exists);
        data.put("digest", digest);
        if (exists) {
            r.header("content-length").ifPresent(l -> data.put("size", Long.parseLong(l)));
        }
        return Result.exists(r.status(), exists, data).withHeaders(Params.headers(r));
    }
}
