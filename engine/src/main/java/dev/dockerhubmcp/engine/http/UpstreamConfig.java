package dev.dockerhubmcp.engine.http;

import dev.dockerhubmcp.engine.safety.Redactor;

import java.net.URI;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Where the upstream services are and how to talk to them. The host builds it from the environment (see
 * {@code HostConfig}); tests build it pointing at the testkit's fakes.
 *
 * @param hubUrl            DOCKERHUB_URL (default https://hub.docker.com)
 * @param registryUrl       DOCKER_REGISTRY_URL (default https://registry-1.docker.io)
 * @param registryAuthUrl   DOCKER_REGISTRY_AUTH_URL (default https://auth.docker.io/token), used when a registry
 *                          answers no challenge realm of its own
 * @param registryService   the token service for Docker Hub's registry (registry.docker.io)
 * @param scoutUrl          DOCKER_SCOUT_URL (default https://api.scout.docker.com)
 * @param sslVerify         DOCKERHUB_SSL_VERIFY (default true)
 * @param connectTimeout    connect timeout
 * @param readTimeout       time allowed for an answer's headers (and between body reads for streams)
 * @param requestTimeout    total time allowed for one API request, headers and body (blob transfers are bounded by
 *                          {@code readTimeout} between bytes instead)
 * @param callTimeout       total time allowed for the upstream requests of one tool call, retries and waits included
 *                          (blob transfers excepted)
 * @param maxRetries        how many times a 429/503 (and network failure on a safe request) is retried
 * @param maxRetryWait      cap of one wait between retries
 * @param maxTotalRetryWait cap of all waits of one call together
 * @param maxBodyBytes      cap of a buffered answer
 * @param credentials       Docker Hub credentials (sent only to Docker Hub and its token realm)
 * @param scimToken         DOCKERHUB_SCIM_TOKEN, or null
 * @param registryCredentials the registry's own credentials: the Hub credentials when the registry is Docker Hub,
 *                          else the registry's login from the Docker CLI config, or anonymous (null: derived so)
 */
public record UpstreamConfig(URI hubUrl, URI registryUrl, URI registryAuthUrl, String registryService, URI scoutUrl,
                             boolean sslVerify, Duration connectTimeout, Duration readTimeout, int maxRetries,
                             Duration maxRetryWait, Duration maxTotalRetryWait, long maxBodyBytes,
                             Credentials credentials, String scimToken, Credentials registryCredentials,
                             Duration requestTimeout, Duration callTimeout) {
    public UpstreamConfig {
        requireNonNull(hubUrl, "hubUrl is null");
        requireNonNull(registryUrl, "registryUrl is null");
        requireNonNull(registryAuthUrl, "registryAuthUrl is null");
        requireNonNull(registryService, "registryService is null");
        requireNonNull(scoutUrl, "scoutUrl is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(readTimeout, "readTimeout is null");
        requireNonNull(maxRetryWait, "maxRetryWait is null");
        requireNonNull(maxTotalRetryWait, "maxTotalRetryWait is null");
        requireNonNull(credentials, "credentials is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(callTimeout, "callTimeout is null");
        Redactor.register(scimToken);
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        if (registryCredentials == null) {
            registryCredentials = derived(registryUrl, credentials);
        }
    }

    private static Credentials derived(URI registryUrl, Credentials credentials) {
        return CredentialResolver.isDockerHub(registryUrl.getHost()) ? credentials : Credentials.ANONYMOUS;
    }

    /** Without registry credentials of its own: the Hub's for Docker Hub, anonymous elsewhere. */
    public UpstreamConfig(URI hubUrl, URI registryUrl, URI registryAuthUrl, String registryService, URI scoutUrl,
                          boolean sslVerify, Duration connectTimeout, Duration readTimeout, int maxRetries,
                          Duration maxRetryWait, Duration maxTotalRetryWait, long maxBodyBytes,
                          Credentials credentials, String scimToken) {
        this(hubUrl, registryUrl, registryAuthUrl, registryService, scoutUrl, sslVerify, connectTimeout, readTimeout,
            maxRetries, maxRetryWait, maxTotalRetryWait, maxBodyBytes, credentials, scimToken, null, Duration.ofSeconds(60),
            Duration.ofSeconds(120));
    }

    /** True when the registry is Docker Hub's (the Hub credentials may go there). */
    public boolean registryIsDockerHub() {
        return CredentialResolver.isDockerHub(registryUrl.getHost());
    }

    /** Defaults: Docker's public services, anonymous. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.hubUrl = hubUrl;
        b.registryUrl = registryUrl;
        b.registryAuthUrl = registryAuthUrl;
        b.registryService = registryService;
        b.scoutUrl = scoutUrl;
        b.sslVerify = sslVerify;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.maxRetries = maxRetries;
        b.maxRetryWait = maxRetryWait;
        b.maxTotalRetryWait = maxTotalRetryWait;
        b.maxBodyBytes = maxBodyBytes;
        b.credentials = credentials;
        b.scimToken = scimToken;
        // derived credentials are derived again (from the credentials and registry the builder ends up with)
        b.registryCredentials = registryCredentials.equals(derived(registryUrl, credentials)) ? null
            : registryCredentials;
        b.requestTimeout = requestTimeout;
        b.callTimeout = callTimeout;
        return b;
    }

    public static final class Builder {
        private URI hubUrl = URI.create("https://hub.docker.com");
        private URI registryUrl = URI.create("https://registry-1.docker.io");
        private URI registryAuthUrl = URI.create("https://auth.docker.io/token");
        private String registryService = "registry.docker.io";
        private URI scoutUrl = URI.create("https://api.scout.docker.com");
        private boolean sslVerify = true;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration maxRetryWait = Duration.ofSeconds(30);
        private Duration maxTotalRetryWait = Duration.ofSeconds(60);
        private long maxBodyBytes = 16L * 1024 * 1024;
        private Credentials credentials = Credentials.ANONYMOUS;
        private String scimToken;
        private Credentials registryCredentials;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ofSeconds(120);

        public Builder hubUrl(String v) {
            hubUrl = URI.create(stripSlash(v));
            return this;
        }

        public Builder registryUrl(String v) {
            registryUrl = URI.create(stripSlash(v));
            return this;
        }

        public Builder registryAuthUrl(String v) {
            registryAuthUrl = URI.create(v);
            return this;
        }

        public Builder registryService(String v) {
            registryService = v;
            return this;
        }

        public Builder scoutUrl(String v) {
            scoutUrl = URI.create(stripSlash(v));
            return this;
        }

        public Builder sslVerify(boolean v) {
            sslVerify = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder readTimeout(Duration v) {
            readTimeout = v;
            return this;
        }

        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        public Builder callTimeout(Duration v) {
            callTimeout = v;
            return this;
        }

        public Builder maxRetries(int v) {
            maxRetries = v;
            return this;
        }

        public Builder maxRetryWait(Duration v) {
            maxRetryWait = v;
            return this;
        }

        public Builder maxTotalRetryWait(Duration v) {
            maxTotalRetryWait = v;
            return this;
        }

        public Builder maxBodyBytes(long v) {
            maxBodyBytes = v;
            return this;
        }

        public Builder credentials(Credentials v) {
            credentials = v;
            return this;
        }

        /** The registry's own credentials (default: the Hub's for Docker Hub, anonymous for any other registry). */
        public Builder registryCredentials(Credentials v) {
            registryCredentials = v;
            return this;
        }

        public Builder scimToken(String v) {
            scimToken = v;
            return this;
        }

        public UpstreamConfig build() {
            return new UpstreamConfig(hubUrl, registryUrl, registryAuthUrl, registryService, scoutUrl, sslVerify,
                connectTimeout, readTimeout, maxRetries, maxRetryWait, maxTotalRetryWait, maxBodyBytes, credentials,
                scimToken, registryCredentials, requestTimeout, callTimeout);
        }

        private static String stripSlash(String v) {
            return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
        }
    }
}
