package dev.dockerhubmcp.api.hub;

/**
 * The shared Docker Hub API client (one per process, owned by the host): JWT minting and caching, one re-mint on
 * 401, retries of 429/503 honouring Retry-After, rate-limit capture, timeouts, typed errors.
 */
public interface HubClient {

    /**
     * Sends a request. A 2xx answer (or a status in {@link HubRequest#accepting()}) is returned; anything else is
     * thrown as {@link dev.dockerhubmcp.api.ActionException} with a typed error.
     */
    HubResponse send(HubRequest request);

    /** Who the client acts as (may mint a JWT to find out); never contains a secret. */
    HubIdentity identity();

    /** The base URL, e.g. https://hub.docker.com. */
    String baseUrl();
}
