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

/** {@code resolve_digest}: HEAD manifest → {@code Docker-Content-Digest}. A HEAD does not count as a pull. */
final class ResolveDigest {
    static final Action ACTION = Action.builder("resolve_digest")
        .description("Resolves a tag to its manifest digest with a HEAD request (Docker-Content-Digest). Cheapest way "
            + "to pin a tag; does not count as a pull on Docker Hub.")
        .input(Schema.object()
            .required("repository", Params.repository())
            .optional("reference", Params.reference()))
        .output(Schema.object()
            .required("digest", Schema.string("Manifest digest"))
            .optional("media_type", Schema.string("Manifest media type")))
        .effect(Effect.READ)
        .handler(ResolveDigest::handle)
        .build();

    private ResolveDigest() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        String ref = Params.reference(args);
        RegistryResponse r = ctx.registry().send(RegistryRequest.builder("HEAD", repo)
            .path("manifests/" + ref).build());
        String digest = r.header("docker-content-digest").orElse(Params.isDigest(ref) ? ref : null);
        if (digest == null) {
            throw new ActionException(ErrorType.UPSTREAM, "the registry answered no Docker-Content-Digest for "
                + repo + ":" + ref + "; use get_manifest (a GET) to compute it");
        }
        ObjectNode data = Params.obj();
        data.put("repository", repo);
        data.put("reference", ref);
        data.put("digest", digest);
        data.put("media_type", r.header("content-type").orElse(null));
        return Result.ok(r.status(), data);
    }
}
