package dev.dockerhubmcp.api.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A streamed registry answer (blobs). The caller reads and closes it; nothing is buffered.
 */
public final class RegistryStream implements AutoCloseable {
    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream body;

    public RegistryStream(int status, Map<String, List<String>> headers, InputStream body) {
        this.status = status;
        TreeMap<String, List<String>> h = new TreeMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        }
        this.headers = Collections.unmodifiableMap(h);
        this.body = requireNonNull(body, "body is null");
    }

    public int status() {
        return status;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** Content-Length, or -1 when unknown. */
    public long contentLength() {
        return header("content-length").map(Long::parseLong).orElse(-1L);
    }

    public InputStream body() {
        return body;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
