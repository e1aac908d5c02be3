package dev.dockerhubmcp.api.registry;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A blob received and verified by {@link RegistryClient#download}.
 *
 * @param status  HTTP status of the answer that carried the bytes
 * @param headers its headers, names lowercase
 * @param size    bytes received
 * @param digest  the digest the bytes hash to (equal to the one asked for)
 * @param head    the first bytes, as many as asked for (the whole blob when it is that small)
 * @param path    where the bytes were written, or null
 */
public record BlobDownload(int status, Map<String, List<String>> headers, long size, String digest, byte[] head,
                           Path path) {
    public BlobDownload {
        TreeMap<String, List<String>> h = new TreeMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        }
        headers = Collections.unmodifiableMap(h);
        requireNonNull(digest, "digest is null");
        head = head == null ? new byte[0] : head;
        if (size < 0 || head.length > size) {
            throw new IllegalArgumentException("size " + size + " with a head of " + head.length + " bytes");
        }
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** True when {@link #head()} holds the whole blob. */
    public boolean complete() {
        return head.length == size;
    }
}
