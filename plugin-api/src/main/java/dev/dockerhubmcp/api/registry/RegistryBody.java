package dev.dockerhubmcp.api.registry;

import dev.dockerhubmcp.api.files.LocalFile;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * A request body for the registry: bytes in memory (manifests, small chunks) or a range of a file, streamed
 * (layers). Never a whole layer in memory.
 *
 * @param bytes       the bytes, or null when a file is set
 * @param file        a file of the plugin's own, or null
 * @param offset      where the range starts in the file
 * @param length      how many bytes
 * @param contentType the Content-Type to send
 * @param digest      for a file range: where the bytes are hashed as they are sent, or null
 * @param source      a file an argument named (from {@code ActionContext.files()}), or null
 */
public record RegistryBody(byte[] bytes, Path file, long offset, long length, String contentType,
                           UploadDigest digest, LocalFile source) {
    public RegistryBody {
        requireNonNull(contentType, "contentType is null");
        if ((bytes != null ? 1 : 0) + (file != null ? 1 : 0) + (source != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("exactly one of bytes, file and source");
        }
        if (bytes != null) {
            offset = 0;
            length = bytes.length;
        }
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        if (digest != null && bytes != null) {
            throw new IllegalArgumentException("only a file range is hashed while sent");
        }
    }

    public RegistryBody(byte[] bytes, Path file, long offset, long length, String contentType, UploadDigest digest) {
        this(bytes, file, offset, length, contentType, digest, null);
    }

    public RegistryBody(byte[] bytes, Path file, long offset, long length, String contentType) {
        this(bytes, file, offset, length, contentType, null, null);
    }

    /** This file range, its bytes added to {@code digest} as they are sent (one read of the file for both). */
    public RegistryBody hashedInto(UploadDigest digest) {
        return new RegistryBody(null, file, offset, length, contentType, requireNonNull(digest, "digest is null"),
            source);
    }

    public static RegistryBody of(byte[] bytes, String contentType) {
        return new RegistryBody(bytes, null, 0, bytes.length, contentType);
    }

    public static RegistryBody octets(byte[] bytes) {
        return of(bytes, "application/octet-stream");
    }

    public static RegistryBody fileRange(Path file, long offset, long length) {
        return new RegistryBody(null, file, offset, length, "application/octet-stream");
    }

    /** A range of a file an argument named, opened (and checked again) each time it is sent. */
    public static RegistryBody fileRange(LocalFile source, long offset, long length) {
        return new RegistryBody(null, null, offset, length, "application/octet-stream", null,
            requireNonNull(source, "source is null"));
    }
}
