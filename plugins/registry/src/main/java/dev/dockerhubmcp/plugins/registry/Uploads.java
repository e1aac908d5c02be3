package dev.dockerhubmcp.plugins.registry;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.UploadLocations;
import dev.dockerhubmcp.api.files.LocalFile;
import dev.dockerhubmcp.api.files.LocalFiles;
import dev.dockerhubmcp.api.registry.RegistryBody;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

import java.net.URI;
import java.util.Base64;

/** Upload-session helpers: the chunk arguments (base64 or a file range), Location handling, cancellation. */
final class Uploads {
    /** Largest base64 chunk accepted inline (the bytes travel in the tool call). */
    static final int MAX_BASE64 = 16 * 1024 * 1024;

    private Uploads() {
    }

    static Schema.ObjectBuilder chunkProps(Schema.ObjectBuilder b) {
        return b
            .optional("chunk_base64", Schema.string("Chunk bytes, base64 (small chunks; up to 12 MiB of data)")
                .maxLength(MAX_BASE64))
            .optional("source_path", Schema.string("Read the chunk from this file instead (streamed from disk; inside "
                + "the server's files directory, DOCKERHUB_FILES_DIR)").minLength(1).maxLength(4096))
            .optional("offset", Schema.integer("Where the chunk starts in source_path (default 0)").min(0))
            .optional("length", Schema.integer("Chunk length in bytes (default: to the end of source_path)").min(0));
    }

    /** The chunk body given by the arguments, or null when there is none. */
    static RegistryBody chunk(Arguments args, LocalFiles files) {
        boolean b64 = args.has("chunk_base64");
        boolean file = args.has("source_path");
        if (b64 && file) {
            throw ActionException.validation("give either 'chunk_base64' or 'source_path', not both");
        }
        if (b64) {
            if (args.has("offset") || args.has("length")) {
                throw ActionException.validation("'offset' and 'length' apply to 'source_path' only");
            }
            try {
                return RegistryBody.octets(Base64.getDecoder().decode(args.string("chunk_base64").strip()));
            } catch (IllegalArgumentException e) {
                throw ActionException.validation("'chunk_base64' is not valid base64: " + e.getMessage());
            }
        }
        if (file) {
            LocalFile p = sourceFile(files, args);
            long size = p.size();
            long offset = args.longValue("offset", 0);
            if (offset > size) {
                throw ActionException.validation("'offset' " + offset + " is beyond the end of " + p + " (" + size
                    + " bytes)");
            }
            long length = args.longValue("length", size - offset);
            if (offset + length > size) {
                throw ActionException.validation("'offset'+'length' (" + (offset + length) + ") exceeds the size of "
                    + p + " (" + size + " bytes)");
            }
            return RegistryBody.fileRange(p, offset, length);
        }
        return null;
    }

    /** The file {@code source_path} names, inside the files directory. */
    static LocalFile sourceFile(LocalFiles files, Arguments args) {
        return files.read("source_path", args.string("source_path"));
    }

    /** The Location of an answer (uploads move on with each PATCH); one off the registry is refused. */
    static String location(RegistryClient c, RegistryResponse r, String fallback) {
        r.header("location").ifPresent(l -> {
            String problem = UploadLocations.problem(URI.create(c.baseUrl()), l);
            if (problem != null) {
                throw new ActionException(ErrorType.UPSTREAM, "the registry answered an upload Location it may not "
                    + "send us to: " + problem);
            }
        });
        return r.header("location").orElseGet(() -> {
            if (fallback == null) {
                throw new ActionException(ErrorType.UPSTREAM, "the registry answered " + r.status()
                    + " without the Location of the upload session");
            }
            return fallback;
        });
    }

    /** Starts an upload session; returns its Location. */
    static String start(RegistryClient c, String repo) {
        RegistryResponse r = c.send(RegistryRequest.builder("POST", repo).path("blobs/uploads/")
            .actions("pull,push").build());
        return location(c, r, null);
    }

    /** Cancels a session, ignoring failures (cleanup after an error). */
    static void cancelQuietly(RegistryClient c, String repo, String location) {
        try {
            c.send(RegistryRequest.builder("DELETE", repo).location(location).actions("pull,push").accepting(404)
                .build());
        } catch (RuntimeException ignored) {
            // the registry purges abandoned sessions itself
        }
    }
}
