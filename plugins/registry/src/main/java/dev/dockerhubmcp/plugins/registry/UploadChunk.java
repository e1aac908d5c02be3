package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.RegistryBody;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

/**
 * {@code upload_chunk}: PATCH {location} with {@code Content-Type: application/octet-stream},
 * {@code Content-Range: <start>-<end>} and the bytes (base64 or a streamed file range). {@code start} is
 * {@code blob_offset}, or the file {@code offset} for a {@code source_path}; a base64 chunk without
 * {@code blob_offset} is appended without Content-Range. 416 means the start does not match what the session holds.
 */
final class UploadChunk {
    static final Action ACTION = Action.builder("upload_chunk")
        .description("Appends one chunk to an upload session (PATCH <location>, Content-Range), from base64 or a file "
            + "range streamed from disk. Returns the next location and the bytes received. Chunks must arrive in "
            + "order; 416 means a wrong start offset.")
        .input(Uploads.chunkProps(Schema.object()
            .required("repository", Params.repository())
            .required("location", Params.location()))
            .optional("blob_offset", Schema.integer("Where this chunk starts in the blob (default: 'offset' for a "
                + "source_path; a base64 chunk without it is appended as is)").min(0)))
        .output(Schema.object()
            .required("location", Schema.string("Location for the next chunk or complete_upload"))
            .optional("range", Schema.string("Bytes the registry holds, e.g. 0-1048575"))
            .optional("received", Schema.integer("Bytes the registry holds")))
        .effect(Effect.DESTRUCTIVE)
        .handler(UploadChunk::handle)
        .build();

    private UploadChunk() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        String location = args.string("location");
        Params.checkLocation(ctx, location);
        RegistryBody body = Uploads.chunk(args, ctx.files());
        if (body == null) {
            throw ActionException.validation("give the chunk as 'chunk_base64' or 'source_path'");
        }
        Long start = args.optLong("blob_offset").orElse(body.bytes() == null ? body.offset() : null);
        RegistryRequest.Builder b = RegistryRequest.builder("PATCH", repo).location(location).actions("pull,push")
            .body(body);
        if (start != null && body.length() > 0) {
            b.header("Content-Range", start + "-" + (start + body.length() - 1));
        }
        RegistryResponse r = ctx.registry().send(b.build());
        ObjectNode data = Params.obj();
        data.put("location", Uploads.location(ctx.registry(), r, location));
        r.header("range").ifPresent(v -> {
            data.put("range", v);
            int dash = v.lastIndexOf('-');
            try {
                data.put("received", Long.parseLong(v.substring(dash + 1).trim()) + 1);
            } catch (NumberFormatException ignored) {
                // an unusual Range; shown as is
            }
        });
        data.put("sent", body.length());
        return Result.ok(r.status(), data);
    }
}
