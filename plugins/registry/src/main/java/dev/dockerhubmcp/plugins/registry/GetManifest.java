package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.RegistryClient;

/**
 * {@code get_manifest}: GET /v2/{repo}/manifests/{ref} with the four manifest media types in Accept (or the one the
 * caller names). The answer is the manifest JSON itself plus its digest (checked against the bytes), media type and
 * size. On Docker Hub a manifest GET counts as a pull.
 */
final class GetManifest {
    static final Action ACTION = Action.builder("get_manifest")
        .description("Fetches an image manifest or index (GET /v2/<repo>/manifests/<tag|digest>) with its digest, "
            + "media type and size. On Docker Hub this counts as a pull; to learn only the digest use resolve_digest.")
        .input(Schema.object()
            .required("repository", Params.repository())
            .optional("reference", Params.reference())
            .optional("accept", Schema.string("Accept only this media type (default: OCI index/manifest, Docker "
                + "list/manifest v2)").pattern("^[a-zA-Z0-9.+/_-]+$")))
        .output(Schema.object()
            .required("digest", Schema.string("Digest of the manifest bytes"))
            .required("media_type", Schema.string("Media type"))
            .required("size", Schema.integer("Bytes"))
            .required("manifest", Schema.objectProp("The manifest as JSON")))
        .effect(Effect.READ)
        .handler(GetManifest::handle)
        .build();

    private GetManifest() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        RegistryClient c = ctx.registry();
        Params.Manifest m = Params.manifest(c, Params.repository(args), Params.reference(args),
            args.optString("accept").orElse(RegistryClient.MANIFEST_ACCEPT));
        ObjectNode data = Params.obj();
        data.put("digest", m.digest());
        data.put("media_type", m.mediaType());
        data.put("size", m.size());
        data.set("manifest", m.json());
        return Result.ok(m.status(), data);
    }
}
