package dev.dockerhubmcp.api.registry;

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

    /** The base URL, e.g. https://registry-1.docker.io. */
    String baseUrl();

    /** Media types sent in {@code Accept} for manifests: OCI index, OCI manifest, Docker list v2, Docker manifest v2. */
    String MANIFEST_ACCEPT = String.join(", ",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json");
}
