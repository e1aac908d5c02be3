package dev.dockerhubmcp.engine.http;

import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.hub.HubClient;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.scout.ScoutClient;

/**
 * The three shared clients, built once per process from one configuration, sharing one HTTP client, one JWT
 * cache and one rate-limit view.
 */
public interface Upstreams extends AutoCloseable {
    HubClient hub();

    RegistryClient registry();

    ScoutClient scout();

    RateLimits rateLimits();

    UpstreamConfig config();

    @Override
    default void close() {
    }
}
