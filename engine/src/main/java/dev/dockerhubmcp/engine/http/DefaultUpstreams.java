package dev.dockerhubmcp.engine.http;

import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.engine.http.hub.DefaultHubClient;
import dev.dockerhubmcp.engine.http.registry.DefaultRegistryClient;
import dev.dockerhubmcp.engine.http.scout.DefaultScoutClient;
import dev.dockerhubmcp.api.hub.HubClient;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.scout.ScoutClient;

import static java.util.Objects.requireNonNull;

/** The three clients over one engine: one JDK HTTP client, one JWT cache, one registry token cache, one rate-limit view. */
public final class DefaultUpstreams implements Upstreams {
    private final UpstreamConfig config;
    private final RateLimits rateLimits;
    private final HttpEngine engine;
    private final DefaultHubClient hub;
    private final DefaultRegistryClient registry;
    private final DefaultScoutClient scout;

    public DefaultUpstreams(UpstreamConfig config) {
        this(config, new RateLimits());
    }

    public DefaultUpstreams(UpstreamConfig config, RateLimits rateLimits) {
        this.config = requireNonNull(config, "config is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.engine = new HttpEngine(config, rateLimits);
        this.hub = new DefaultHubClient(engine);
        this.registry = new DefaultRegistryClient(engine);
        this.scout = new DefaultScoutClient(engine, hub);
    }

    @Override
    public HubClient hub() {
        return hub;
    }

    /** The concrete Hub client (mint counts for tests and benchmarks). */
    public DefaultHubClient defaultHub() {
        return hub;
    }

    @Override
    public RegistryClient registry() {
        return registry;
    }

    @Override
    public ScoutClient scout() {
        return scout;
    }

    @Override
    public RateLimits rateLimits() {
        return rateLimits;
    }

    @Override
    public UpstreamConfig config() {
        return config;
    }

    public HttpEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }
}
