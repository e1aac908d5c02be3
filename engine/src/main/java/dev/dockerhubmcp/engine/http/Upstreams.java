package dev.dockerhubmcp.engine.http;

import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.hub.HubClient;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.scout.ScoutClient;

/**
 * The shared clients, built once per process from one configuration, sharing one HTTP client, one JWT
 * cache and one rate-limit view.
 */
public interface Upstreams extends AutoCloseable {

    /** The client of this interface; an IllegalArgumentException naming it when there is none. */
    <T> T client(Class<T> type);

    default HubClient hub() {
        return client(HubClient.class);
    }

    default RegistryClient registry() {
        return client(RegistryClient.class);
    }

    default ScoutClient scout() {
        return client(ScoutClient.class);
    }

    RateLimits rateLimits();

    UpstreamConfig config();

    @Override
    default void close() {
    }
}
