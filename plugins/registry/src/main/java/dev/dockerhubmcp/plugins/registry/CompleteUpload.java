package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.Digests;
import dev.dockerhubmcp.api.registry.RegistryBody;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

/**
 * {@code complete_upload}: PUT {location}?digest={digest} (optionally with a last chunk). The registry checks the
 * claimed digest over everything it received (DIGEST_INVALID otherwise); we check the digest it answers.
 */
final class CompleteUpload {
    static final Action ACTION = Action.builder("complete_upload")
        .description("Finishes an upload session (PUT <location>?digest=), optionally sending a last chunk; the "
            + "registry verifies the digest over all bytes received. Returns the stored digest and its URL.")
        .input(Uploads.chunkProps(Schema.object()
            .required("repository", Params.repository())
            .required("location", Params.location())
            .required("digest", Schema.string("Digest of the whole blob (sha256:…)").pattern(Patterns.DIGEST))))
        .output(Schema.object()
            .required("digest", Schema.string("Digest the registry stored"))
            .optional("location", Schema.string("URL of the blob")))
        .effect(Effect.DESTRUCTIVE)
        .handler(CompleteUpload::handle)
        .build();

    private CompleteUpload() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        String digest = args.string("digest");
        Digests.digester(Digests.require("digest", digest));
        Params.checkLocation(ctx, args.string("location"));
        RegistryBody body = Uploads.chunk(args, ctx.files());
        RegistryRequest.Builder b = RegistryRequest.builder("PUT", repo).location(args.string("location"))
            .actions("pull,push").query("digest", digest);
        if (body != null) {
            b.body(body);
        }
        RegistryResponse r = ctx.registry().send(b.build());
        String stored = r.header("docker-content-digest").orElse(digest);
        if (!stored.equals(digest)) {
            throw new ActionException(ErrorType.UPSTREAM, "the registry stored the blob as " + stored
                + " but " + digest + " was claimed");
        }
        ObjectNode data = Params.obj();
        data.put("digest", stored);
        r.header("location").ifPresent(v -> data.put("location", v));
        return Result.ok(r.status(), data);
    }
}
