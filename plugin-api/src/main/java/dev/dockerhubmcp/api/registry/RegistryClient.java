package dev.dockerhubmcp.api.registry;

import dev.dockerhubmcp.api.files.NewLocalFile;

import java.nio.file.Path;

/**
 * The shared OCI registry client (one per process): the 401 challenge flow with a token per (realm, service, scope)
 * cached by {@code expires_in}, Basic auth to the realm when credentials exist, anonymous otherwise; retries,
 * rate-limit capture, timeouts, typed errors carrying the registry's {@code errors[]}.
 */
public interface RegistryClient {

    /** Sends a request and buffers the answer (capped); non-2xx not in {@code accepting} is thrown as a typed error. */
    RegistryResponse send(RegistryRequest request);

    /** Sends a request and returns the body as a stream (blobs); the caller closes it. */
    RegistryStream open(RegistryRequest request);

    /**
     * Downloads a blob (a GET), verifying {@code expectedDigest} (and the Content-Length) over the bytes as they
     * arrive. With a {@code target} the bytes go to that new file, which is removed again when anything fails
     * (mismatch, truncation, stall, cancellation); the first {@code keepHead} bytes are also kept in memory. Nothing
     * else is buffered. Failures are typed: a mismatch or truncation {@code upstream}, a stall longer than the read
     * timeout {@code timeout}, cancellation through {@code monitor} {@code internal}, other I/O {@code network}.
     *
     * @param target   a file that must not exist yet, or null
     * @param keepHead how many leading bytes to return in {@link BlobDownload#head()}
     */
    BlobDownload download(RegistryRequest request, String expectedDigest, Path target, int keepHead,
                          TransferMonitor monitor);

    /**
     * Downloads a blob into a file being created in the files directory (see {@link #download(RegistryRequest,
     * String, Path, int, TransferMonitor)}); on failure the file is discarded, on success the caller commits it.
     */
    BlobDownload download(RegistryRequest request, String expectedDigest, NewLocalFile target,
                          TransferMonitor monitor);

    /** The base URL, e.g. https://registry-1.docker.io. */
    String baseUrl();

    /** Media types sent in {@code Accept} for manifests: OCI index, OCI manifest, Docker list v2, Docker manifest v2. */
    String MANIFEST_ACCEPT = String.join(", ",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json");
}
