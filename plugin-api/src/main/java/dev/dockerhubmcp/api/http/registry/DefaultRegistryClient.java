package dev.dockerhubmcp.api.http.registry;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.http.HttpEngine;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;
import dev.dockerhubmcp.api.registry.RegistryStream;

import static java.util.Objects.requireNonNull;

/** The OCI registry client (being written on the registry branch; this placeholder refuses every call). */
public final class DefaultRegistryClient implements RegistryClient {
    private final HttpEngine engine;

    public DefaultRegistryClient(HttpEngine engine) {
        this.engine = requireNonNull(engine, "engine is null");
    }

    @Override
    public RegistryResponse send(RegistryRequest request) {
        throw new ActionException(ErrorType.UPSTREAM, "registry client unavailable in this build");
    }

    @Override
    public RegistryStream open(RegistryRequest request) {
        throw new ActionException(ErrorType.UPSTREAM, "registry client unavailable in this build");
    }

    @Override
    public String baseUrl() {
        return engine.config().registryUrl().toString();
    }
}
