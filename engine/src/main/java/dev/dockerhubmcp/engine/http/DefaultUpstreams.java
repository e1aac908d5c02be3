package dev.dockerhubmcp.engine.http;

import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.hub.HubClient;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.scout.ScoutClient;
import dev.dockerhubmcp.engine.http.hub.DefaultHubClient;
import dev.dockerhubmcp.engine.http.registry.DefaultRegistryClient;
import dev.dockerhubmcp.engine.http.scout.DefaultScoutClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The shared clients over one engine: one JDK HTTP client, one JWT cache, one registry token cache, one rate-limit
 * view. Which clients exist is the one table {@link #CLIENTS}: adding an upstream client is its interface in the
 * plugin API, its implementation here, and one row.
 */
public final class DefaultUpstreams implements Upstreams {

    /** One row of the table: a client interface and how to build it (earlier rows are built first). */
    private record Row<T>(Class<T> type, Function<DefaultUpstreams, ? extends T> factory) {
    }

    private static final List<Row<?>> CLIENTS = List.of(
        new Row<>(HubClient.class, u -> new DefaultHubClient(u.engine)),
        new Row<>(RegistryClient.class, u -> new DefaultRegistryClient(u.engine)),
        new Row<>(ScoutClient.class, u -> new DefaultScoutClient(u.engine, u.defaultHub())));

    private final UpstreamConfig config;
    private final RateLimits rateLimits;
    private final HttpEngine engine;
    private final Map<Class<?>, Object> clients = new LinkedHashMap<>();

    public DefaultUpstreams(UpstreamConfig config) {
        this(config, new RateLimits());
    }

    public DefaultUpstreams(UpstreamConfig config, RateLimits rateLimits) {
        this.config = requireNonNull(config, "config is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.engine = new HttpEngine(config, rateLimits);
        for (Row<?> row : CLIENTS) {
            clients.put(row.type(), row.factory().apply(this));
        }
    }

    @Override
    public <T> T client(Class<T> type) {
        Object client = clients.get(requireNonNull(type, "type is null"));
        if (client == null) {
            throw new IllegalArgumentException("no shared client of type " + type.getName());
        }
        return type.cast(client);
    }

    /** The concrete Hub client (mint counts for tests and benchmarks). */
    public DefaultHubClient defaultHub() {
        return (DefaultHubClient) client(HubClient.class);
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
