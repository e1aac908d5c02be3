package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.files.NewLocalFile;
import dev.dockerhubmcp.api.registry.Digests;
import dev.dockerhubmcp.api.registry.BlobDownload;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.TransferMonitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code get_blob}: GET /v2/{repo}/blobs/{digest} through {@link dev.dockerhubmcp.api.registry.RegistryClient#download}
 * (redirects to storage followed by the client; the digest verified over the bytes as they arrive). With
 * {@code output_path} (inside the files directory, through {@link ActionContext#files()}): written to a temporary
 * sibling and moved into place only when the digest matches (removed otherwise); the only way this action writes, so
 * read-only mode leaves the parameter out. Without: JSON or text blobs under 256 KiB come back inline; anything else is read through, verified
 * and described (size, media type, kind) without its bytes.
 */
final class GetBlob {
    static final Action ACTION = Action.builder("get_blob")
        .description("Downloads a blob (config or layer) by digest, verifying the digest while streaming. Small JSON/"
            + "text blobs (< 256 KiB) are returned inline; larger ones go to 'output_path' when given, else are only "
            + "described (the whole blob is still downloaded to verify it: use check_blob for size alone).")
        .input(Schema.object()
            .required("repository", Params.repository())
            .required("digest", Params.digest("Blob digest"))
            .optional("output_path", Schema.string("Write the blob to this file, inside the server's files directory "
                + "(DOCKERHUB_FILES_DIR; relative paths are resolved against it; the parent must exist)")
                .minLength(1).maxLength(4096))
            .optional("overwrite", Schema.bool("Replace an existing output_path (default false)")))
        .output(Schema.object()
            .required("digest", Schema.string("Verified digest"))
            .required("size", Schema.integer("Bytes received"))
            .required("verified", Schema.bool("True: the bytes hash to the digest"))
            .optional("kind", Schema.string("json, text or binary (inline reads)"))
            .optional("content", Schema.objectProp("The blob when JSON"))
            .optional("text", Schema.string("The blob when text"))
            .optional("path", Schema.string("Where it was written")))
        .effect(Effect.READ)
        .writesFile("output_path")
        .handler(GetBlob::handle)
        .build();

    private GetBlob() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        String digest = args.string("digest");
        Digests.digester(Digests.require("digest", digest)); // unsupported algorithms fail before any request
        boolean overwrite = args.bool("overwrite", false);
        RegistryRequest request = RegistryRequest.builder("GET", repo).path("blobs/" + digest).build();
        TransferMonitor monitor = new TransferMonitor() {
            @Override
            public void progress(long done, long total) {
                ctx.progress(done, total < 0 ? null : total, "downloading");
            }

            @Override
            public boolean cancelled() {
                return ctx.cancelled();
            }
        };
        ObjectNode data = Params.obj();
        data.put("digest", digest);
        if (args.has("output_path")) {
            try (NewLocalFile out = ctx.files().create("output_path", args.string("output_path"), overwrite)) {
                BlobDownload d = ctx.registry().download(request, digest, out, monitor);
                out.commit();
                data.put("media_type", d.header("content-type").orElse(null));
                data.put("size", d.size());
                data.put("verified", true);
                data.put("path", out.name());
                return Result.ok(d.status(), data);
            }
        }
        BlobDownload d = ctx.registry().download(request, digest, null, Blobs.INLINE_CAP + 1, monitor);
        data.put("media_type", d.header("content-type").orElse(null));
        data.put("size", d.size());
        data.put("verified", true);
        byte[] head = d.head();
        if (d.complete() && head.length <= Blobs.INLINE_CAP) {
            String kind = Blobs.kind(head);
            data.put("kind", kind);
            switch (kind) {
                case "json" -> data.set("content", readJson(head));
                case "text" -> data.put("text", new String(head, StandardCharsets.UTF_8));
                default -> data.put("note", "binary content not shown; pass output_path to save it");
            }
            return Result.ok(d.status(), data);
        }
        data.put("kind", Blobs.kind(Arrays.copyOf(head, Math.min(head.length, 512))).equals("binary")
            ? "binary" : "large");
        data.put("note", "larger than the 256 KiB inline cap: content not shown; pass output_path to save it");
        return Result.ok(d.status(), data);
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return Params.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new ActionException(ErrorType.INTERNAL, "JSON blob could not be read again: " + e.getMessage());
        }
    }
}
