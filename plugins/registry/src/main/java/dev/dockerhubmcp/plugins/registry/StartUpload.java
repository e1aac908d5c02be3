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

/** {@code start_upload}: POST /v2/{repo}/blobs/uploads/ → 202 with the session's Location. */
final class StartUpload {
    static final Action ACTION = Action.builder("start_upload")
        .description("Opens a blob upload session (POST /v2/<repo>/blobs/uploads/) and returns its location for "
            + "upload_chunk / complete_upload. For a whole file prefer push_blob. Needs push access.")
        .input(Schema.object().required("repository", Params.repository()))
        .output(Schema.object()
            .required("location", Schema.string("Upload session URL"))
            .optional("upload_uuid", Schema.string("Docker-Upload-UUID"))
            .optional("range", Schema.string("Bytes received so far")))
        .effect(Effect.DESTRUCTIVE)
        .handler(StartUpload::handle)
        .build();

    private StartUpload() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        RegistryResponse r = ctx.registry().send(RegistryRequest.builder("POST", repo).path("blobs/uploads/")
            .actions("pull,push").build());
        ObjectNode data = Params.obj();
        data.put("repository", repo);
        data.put("location", Uploads.location(ctx.registry(), r, null));
        r.header("docker-upload-uuid").ifPresent(v -> data.put("upload_uuid", v));
        r.header("range").ifPresent(v -> data.put("range", v));
        return Result.ok(r.status(), data);
    }
}
