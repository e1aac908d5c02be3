package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.http.registry.Digests;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * {@code get_blob}: GET /v2/{repo}/blobs/{digest}, streamed (redirects to storage followed by the client) and
 * verified while reading. With {@code output_path}: written to a temporary sibling and moved into place only when
 * the digest matches (removed otherwise). Without: JSON or text blobs under 256 KiB come back inline; anything else
 * is read through, verified and described (size, media type, kind) without its bytes.
 */
final class GetBlob {
    private static final int BUFFER = 1 << 20;

    static final Action ACTION = Action.builder("get_blob")
        .description("Downloads a blob (config or layer) by digest, verifying the digest while streaming. Small JSON/"
            + "text blobs (< 256 KiB) are returned inline; larger ones go to 'output_path' when given, else are only "
            + "described (the whole blob is still downloaded to verify it: use check_blob for size alone).")
        .input(Schema.object()
            .required("repository", Reg.repository())
            .required("digest", Reg.digest("Blob digest"))
            .optional("output_path", Schema.string("Write the blob to this file (absolute path; parent must exist)")
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
        .handler(GetBlob::handle)
        .build();

    private GetBlob() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Reg.repository(args);
        String digest = args.string("digest");
        Digests.digester(digest); // unsupported algorithms fail before any request
        Path out = args.optString("output_path").map(p -> Path.of(p).toAbsolutePath().normalize()).orElse(null);
        boolean overwrite = args.bool("overwrite", false);
        if (out != null) {
            if (out.getParent() == null || !Files.isDirectory(out.getParent())) {
                throw ActionException.validation("'output_path': directory " + out.getParent() + " does not exist");
            }
            if (Files.exists(out) && !overwrite) {
                throw ActionException.validation("'output_path': " + out + " exists (set overwrite=true to replace)");
            }
            if (Files.isDirectory(out)) {
                throw ActionException.validation("'output_path': " + out + " is a directory");
            }
        }
        try (RegistryStream s = ctx.registry().open(RegistryRequest.builder("GET", repo).path("blobs/" + digest)
            .build())) {
            long announced = s.contentLength();
            String mediaType = s.header("content-type").orElse(null);
            Digests.VerifyingInputStream in = new Digests.VerifyingInputStream(s.body(), digest, announced);
            ObjectNode data = Reg.obj();
            data.put("digest", digest);
            data.put("media_type", mediaType);
            if (out != null) {
                toFile(ctx, in, out, announced);
                data.put("size", in.count());
                data.put("verified", true);
                data.put("path", out.toString());
                return Result.ok(s.status(), data);
            }
            byte[] head = in.readNBytes(Blobs.INLINE_CAP + 1);
            if (head.length <= Blobs.INLINE_CAP) {
                String kind = Blobs.kind(head);
                data.put("size", head.length);
                data.put("verified", true);
                data.put("kind", kind);
                switch (kind) {
                    case "json" -> data.set("content", Reg.MAPPER.readTree(head));
                    case "text" -> data.put("text", new String(head, StandardCharsets.UTF_8));
                    default -> data.put("note", "binary content not shown; pass output_path to save it");
                }
                return Result.ok(s.status(), data);
            }
            drain(ctx, in, announced);
            data.put("size", in.count());
            data.put("verified", true);
            data.put("kind", Blobs.kind(java.util.Arrays.copyOf(head, 512)).equals("binary") ? "binary" : "large");
            data.put("note", "larger than the 256 KiB inline cap: content not shown; pass output_path to save it");
            return Result.ok(s.status(), data);
        } catch (Digests.MismatchException e) {
            throw new ActionException(new ActionError(ErrorType.UPSTREAM, e.getMessage()
                + (out != null ? "; the partial file was removed" : ""), null, null, null), e);
        } catch (IOException e) {
            throw new ActionException(ErrorType.NETWORK, "blob transfer failed: " + e.getMessage()
                + (out != null ? "; the partial file was removed" : ""));
        }
    }

    private static void toFile(ActionContext ctx, InputStream in, Path out, long total) throws IOException {
        Path partial = out.resolveSibling("." + out.getFileName() + ".partial-" + UUID.randomUUID());
        boolean done = false;
        try (OutputStream os = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
            copy(ctx, in, os, total);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
        try {
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(partial);
            throw e;
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    private static void copy(ActionContext ctx, InputStream in, OutputStream os, long total) throws IOException {
        byte[] buf = new byte[BUFFER];
        long done = 0;
        long reported = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            os.write(buf, 0, n);
            done += n;
            if (done - reported >= 64L * BUFFER) {
                ctx.progress(done, total < 0 ? null : total, "downloading");
                reported = done;
                if (ctx.cancelled()) {
                    throw new IOException("cancelled by the caller");
                }
            }
        }
    }

    private static void drain(ActionContext ctx, InputStream in, long total) throws IOException {
        copy(ctx, in, OutputStream.nullOutputStream(), total);
    }
}
