package dev.dockerhubmcp.api.registry;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * A request body for the registry: bytes in memory (manifests, small chunks) or a range of a file, streamed
 * (layers). Never a whole layer in memory.
 *
 * @param bytes       the bytes, or null when {@code file} is set
 * @param file        the file, or null when {@code bytes} is set
 * @param offset      where the range starts in the file
 * @param length      how many bytes
 * @param contentType the Content-Type to send
 * @param digest      for a file range: where the bytes are hashed as they are sent, or null
 */
public record RegistryBody(byte[] bytes, Path file, long offset, long length, String contentType,
                           UploadDigest digest) {
    public RegistryBody {
        requireNonNull(contentType, "contentType is null");
        if ((bytes == null) == (file == null)) {
            throw new IllegalArgumentException("exactly one of bytes and file");
        }
        if (bytes != null) {
            offset = 0;
            length = bytes.length;
        }
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        if (digest != null && file == null) {
            throw new IllegalArgumentException("only a file range is hashed while sent");
        }
    }

    public RegistryBody(byte[] bytes, Path file, long offset, long length, String contentType) {
        this(bytes, file, offset, length, contentType, null);
    }

    /** This file range, its bytes added to {@code digest} as they are sent (one read of the file for both). */
    public RegistryBody hashedInto(UploadDigest digest) {
        return new RegistryBody(null, file, offset, length, contentType, requireNonNull(digest, "digest is null"));
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
}
