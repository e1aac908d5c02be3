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
import dev.dockerhubmcp.api.files.LocalFile;
import dev.dockerhubmcp.api.registry.Digests;
import dev.dockerhubmcp.api.registry.RegistryBody;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;
import dev.dockerhubmcp.api.registry.UploadDigest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.security.MessageDigest;

/**
 * {@code push_blob}: one file → one blob, streamed from disk, never held in memory.
 * <ul>
 *   <li>{@code stream} (default): POST, one PATCH carrying the whole file, then PUT ?digest= — the sha256 is
 *       computed from the bytes as they are sent ({@link UploadDigest}: one read of the file for both).</li>
 *   <li>{@code chunked}: POST, PATCHes of {@code chunk_size} with Content-Range (cancellable between chunks,
 *       progress reported), hashed as sent, then PUT ?digest=.</li>
 *   <li>{@code monolithic}: hash first, then POST and a single PUT ?digest= with the body (the OCI monolithic
 *       upload, for registries that do not take PATCH).</li>
 * </ul>
 * With {@code skip_existing} the digest is computed first and a HEAD skips blobs already present. The digest the
 * registry reports is checked against ours; a failed upload session is cancelled.
 */
final class PushBlob {
    static final Action ACTION = Action.builder("push_blob")
        .description("Uploads a local file as a blob (config or layer) and returns its digest: streamed from disk, "
            + "sha256 computed while streaming, verified against what the registry stored. mode: stream (default), "
            + "chunked (chunk_size) or monolithic. Needs push access.")
        .input(Schema.object()
            .required("repository", Params.repository())
            .required("source_path", Schema.string("The file to upload, inside the server's files directory "
                + "(DOCKERHUB_FILES_DIR; relative paths are resolved against it)").minLength(1).maxLength(4096))
            .optional("mode", Schema.string("stream | chunked | monolithic (default stream)")
                .enumOf("stream", "chunked", "monolithic"))
            .optional("chunk_size", Schema.integer("Bytes per PATCH in chunked mode (default 16 MiB)")
                .min(1).max(1L << 31))
            .optional("skip_existing", Schema.bool("Hash first and skip the upload when the registry has the blob")))
        .output(Schema.object()
            .required("digest", Schema.string("sha256 of the file = digest stored"))
            .required("size", Schema.integer("Bytes"))
            .required("uploaded", Schema.bool("False when skipped because it existed")))
        .effect(Effect.DESTRUCTIVE)
        .handler(PushBlob::handle)
        .build();

    private static final long DEFAULT_CHUNK = 16L * 1024 * 1024;

    private PushBlob() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        LocalFile file = Uploads.sourceFile(ctx.files(), args);
        long size = file.size();
        String mode = args.string("mode", "stream");
        long chunk = args.longValue("chunk_size", DEFAULT_CHUNK);
        RegistryClient c = ctx.registry();
        ObjectNode data = Params.obj();
        data.put("repository", repo);
        data.put("size", size);
        data.put("mode", mode);
        String known = null;
        if (args.bool("skip_existing", false) || mode.equals("monolithic")) {
            String digest = sha256(file);
            known = digest;
            if (args.bool("skip_existing", false)) {
                RegistryResponse head = c.send(RegistryRequest.builder("HEAD", repo).path("blobs/" + digest)
                    .actions("pull,push").accepting(404).build());
                if (head.status() == 200) {
                    data.put("digest", digest);
                    data.put("uploaded", false);
                    return Result.ok(head.status(), data).withWarning("the registry already has " + digest);
                }
            }
        }
        UploadDigest sent = UploadDigest.sha256();
        String location = Uploads.start(c, repo);
        RegistryResponse done;
        try {
            if (mode.equals("monolithic")) {
                done = c.send(RegistryRequest.builder("PUT", repo).location(location).actions("pull,push")
                    .query("digest", known).body(RegistryBody.fileRange(file, 0, size)).build());
            } else {
                long step = mode.equals("chunked") ? chunk : Math.max(size, 1);
                int chunks = 0;
                for (long off = 0; off < size; off += step) {
                    long len = Math.min(step, size - off);
                    RegistryResponse r = c.send(RegistryRequest.builder("PATCH", repo).location(location)
                        .actions("pull,push").header("Content-Range", off + "-" + (off + len - 1))
                        .body(RegistryBody.fileRange(file, off, len).hashedInto(sent)).build());
                    location = Uploads.location(c, r, location);
                    chunks++;
                    ctx.progress(off + len, size, "uploaded " + (off + len) + " of " + size + " bytes");
                    if (ctx.cancelled()) {
                        throw new ActionException(ErrorType.INTERNAL, "push_blob cancelled after " + (off + len)
                            + " bytes; the upload session was cancelled");
                    }
                }
                data.put("chunks", chunks);
                if (known == null) {
                    known = digestSent(sent, file, size);
                }
                done = c.send(RegistryRequest.builder("PUT", repo).location(location).actions("pull,push")
                    .query("digest", known).build());
            }
        } catch (RuntimeException e) {
            Uploads.cancelQuietly(c, repo, location);
            throw e;
        }
        String digest = known;
        String stored = done.header("docker-content-digest").orElse(digest);
        if (!stored.equals(digest)) {
            throw new ActionException(ErrorType.UPSTREAM, "the registry stored " + stored + " but the file hashes to "
                + digest);
        }
        data.put("digest", digest);
        data.put("uploaded", true);
        return Result.ok(done.status(), data);
    }

    /**
     * The digest of the bytes sent; when the client did not hash them (a client other than the shared one may ignore
     * {@link RegistryBody#digest()}), the file is read again to hash it.
     */
    private static String digestSent(UploadDigest sent, LocalFile file, long size) {
        if (sent.bytes() == size) {
            try {
                return sent.value();
            } catch (IllegalStateException e) {
                // an attempt that did not finish: hash the file instead
            }
        }
        return sha256(file);
    }

    static String sha256(LocalFile file) {
        MessageDigest md = Digests.digester("sha256");
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Channels.newInputStream(file.open())) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw ActionException.validation("cannot read " + file.name() + ": " + e.getMessage());
        }
        return Digests.format("sha256", md.digest());
    }
}
