package dev.dockerhubmcp.plugins.registry;

import dev.dockerhubmcp.api.files.NewLocalFile;
import dev.dockerhubmcp.api.registry.BlobDownload;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;
import dev.dockerhubmcp.api.registry.RegistryStream;
import dev.dockerhubmcp.api.registry.TransferMonitor;

import java.nio.file.Path;

import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/** Counts the registry requests an action makes (token fetches excluded), so answers can report their cost. */
final class CountingClient implements RegistryClient {
    private final RegistryClient delegate;
    private final AtomicInteger count = new AtomicInteger();

    CountingClient(RegistryClient delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public RegistryResponse send(RegistryRequest request) {
        count.incrementAndGet();
        return delegate.send(request);
    }

    @Override
    public RegistryStream open(RegistryRequest request) {
        count.incrementAndGet();
        return delegate.open(request);
    }

    @Override
    public BlobDownload download(RegistryRequest request, String expectedDigest, Path target, int keepHead,
                                 TransferMonitor monitor) {
        count.incrementAndGet();
        return delegate.download(request, expectedDigest, target, keepHead, monitor);
    }

    @Override
    public BlobDownload download(RegistryRequest request, String expectedDigest, NewLocalFile target,
                                 TransferMonitor monitor) {
        count.incrementAndGet();
        return delegate.download(request, expectedDigest, target, monitor);
    }

    @Override
    public String baseUrl() {
        return delegate.baseUrl();
    }

    int count() {
        return count.get();
    }
}
