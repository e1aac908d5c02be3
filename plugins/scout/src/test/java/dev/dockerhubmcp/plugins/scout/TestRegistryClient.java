package dev.dockerhubmcp.plugins.scout;

import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.files.NewLocalFile;
import dev.dockerhubmcp.api.registry.BlobDownload;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;
import dev.dockerhubmcp.api.registry.RegistryStream;
import dev.dockerhubmcp.api.registry.TransferMonitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain {@link RegistryClient} over HTTP for the scout tests, until the shared registry client lands on main: no
 * challenge flow (the fake registry is anonymous), typed errors for non-2xx answers.
 */
final class TestRegistryClient implements RegistryClient {
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    TestRegistryClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public RegistryResponse send(RegistryRequest request) {
        if (request.path() == null) {
            throw new IllegalArgumentException("the test client only speaks repository paths");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/" + request.repository() + "/"
            + request.path())).timeout(Duration.ofSeconds(5));
        request.headers().forEach(b::header);
        b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if ((r.statusCode() < 200 || r.statusCode() >= 300) && !request.accepting().contains(r.statusCode())) {
                throw new ActionException(new ActionError(ErrorType.forStatus(r.statusCode()),
                    "registry answered " + r.statusCode() + " for " + request.method() + " " + request.path(),
                    r.statusCode(), null, null));
            }
            return new RegistryResponse(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new ActionException(ErrorType.NETWORK, "registry unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionException(ErrorType.NETWORK, "interrupted");
        }
    }

    @Override
    public RegistryStream open(RegistryRequest request) {
        throw new UnsupportedOperationException("scout never streams blobs");
    }

    @Override
    public BlobDownload download(RegistryRequest request, String expectedDigest, java.nio.file.Path target,
                                 int keepHead, TransferMonitor monitor) {
        throw new AssertionError("scout never downloads blobs");
    }

    @Override
    public BlobDownload download(RegistryRequest request, String expectedDigest, NewLocalFile target,
                                 TransferMonitor monitor) {
        throw new AssertionError("scout never downloads blobs");
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }
}
