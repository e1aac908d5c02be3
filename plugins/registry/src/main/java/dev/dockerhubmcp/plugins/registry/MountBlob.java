package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.ImageReference;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

/**
 * {@code mount_blob}: POST /v2/{repo}/blobs/uploads/?mount={digest}&from={source}. 201: mounted without copying.
 * 202: the registry could not mount (blob unknown in the source, or no pull access there) and opened an ordinary
 * upload session instead; its location is returned so the caller can upload or abandon it. One token covers both
 * repositories (push here, pull on the source), so no second challenge is needed.
 */
final class MountBlob {
    static final Action ACTION = Action.builder("mount_blob")
        .description("Links a blob that exists in another repository of the same registry into this one without "
            + "uploading it (cross-repository mount). Needs pull on the source and push here. If the registry "
            + "declines, 'mounted' is false and an upload session location is returned instead.")
        .input(Schema.object()
            .required("repository", Params.repository())
            .required("digest", Params.digest("Blob digest"))
            .required("from", Params.repository().with("description", "Source repository holding the blob")))
        .output(Schema.object()
            .required("mounted", Schema.bool("True when the blob was mounted"))
            .optional("location", Schema.string("Blob URL (mounted) or upload session (not mounted)")))
        .effect(Effect.DESTRUCTIVE)
        .handler(MountBlob::handle)
        .build();

    private MountBlob() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        String from = new ImageReference(ImageReference.normalizeRepository(args.string("from")), null, null)
            .repository();
        String digest = args.string("digest");
        RegistryResponse r = ctx.registry().send(RegistryRequest.builder("POST", repo).path("blobs/uploads/")
            .query("mount", digest).query("from", from).actions("pull,push")
            .scope("repository:" + from + ":pull").build());
        boolean mounted = r.status() == 201;
        ObjectNode data = Params.obj();
        data.put("mounted", mounted);
        data.put("digest", digest);
        data.put("from", from);
        r.header("location").ifPresent(v -> data.put("location", v));
        Result result = Result.ok(r.status(), data);
        if (!mounted) {
            result = result.withWarning("the registry did not mount " + digest + " from " + from
                + " (unknown there or not readable) and opened an upload session instead");
        }
        return result;
    }
}
