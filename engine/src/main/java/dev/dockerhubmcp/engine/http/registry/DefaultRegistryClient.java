package dev.dockerhubmcp.engine.http.registry;

import dev.dockerhubmcp.api.registry.Digests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.registry.UploadLocations;
import dev.dockerhubmcp.engine.http.CredentialResolver;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.HttpEngine;
import dev.dockerhubmcp.api.registry.BlobDownload;
import dev.dockerhubmcp.api.files.NewLocalFile;
import dev.dockerhubmcp.engine.http.registry.BlobSink;
import dev.dockerhubmcp.api.registry.RegistryBody;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;
import dev.dockerhubmcp.api.registry.RegistryStream;
import dev.dockerhubmcp.api.registry.TransferMonitor;
import dev.dockerhubmcp.api.registry.UploadDigest;
import dev.dockerhubmcp.engine.safety.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The OCI registry client (docs/ARCHITECTURE.md) over the shared {@link HttpEngine}.
 *
 * <ul>
 *   <li>Auth: the first 401 carries {@code WWW-Authenticate}; a Bearer challenge sends us to its realm
 *       ({@code GET realm?service=&scope=}, Basic auth with the registry's own credentials where they belong, see
 *       {@link #realmGetsCredentials}; anonymous otherwise)
 *       for a token cached per (realm, service, scope) until shortly before {@code expires_in} (60 s when absent);
 *       the request is retried once. Once a realm is known, tokens are fetched before the request, saving the 401.
 *       A Basic challenge is answered with the credentials.</li>
 *   <li>Requests: repository, reference and digest grammar are checked before anything is sent; manifests get
 *       {@link RegistryClient#MANIFEST_ACCEPT} unless the caller chose an Accept; blob bodies are streamed from
 *       files ({@code Content-Type: application/octet-stream}); upload {@code Location}s may be relative or
 *       absolute on the registry's own origin ({@link UploadLocations}), never another host.</li>
 *   <li>GET/HEAD follow redirects (registries send blobs to storage) without forwarding Authorization to another
 *       origin. GET, HEAD, PUT and DELETE are retried on 503 and network failures; POST and PATCH are not.</li>
 *   <li>Errors carry the registry's {@code {"errors":[{code,message,detail}]}} as details.</li>
 * </ul>
 */
public final class DefaultRegistryClient implements RegistryClient {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultRegistryClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> RETRY_SAFE = Set.of("GET", "HEAD", "PUT", "DELETE");
    private static final Set<String> NO_FORWARD = Set.of("content-length", "host", "connection", "expect", "upgrade",
        "authorization");
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern NAME = Pattern.compile(Patterns.OCI_NAME);
    private static final Pattern PATH;

    static {
        String tag = unanchor(Patterns.TAG);
        String digest = unanchor(Patterns.DIGEST);
        PATH = Pattern.compile("^(?:manifests/(?:" + tag + "|" + digest + ")|blobs/(?:" + digest + "|uploads/)"
            + "|tags/list|referrers/" + digest + ")$");
    }

    private final HttpEngine engine;
    private final URI base;
    private final Credentials credentials;
    private final TokenCache tokens = new TokenCache();
    private final AtomicLong tokenFetches = new AtomicLong();
    private volatile Realm knownRealm;
    private volatile boolean basicKnown;

    /** A Bearer realm seen in a challenge from this registry, used to fetch tokens before the next request. */
    private record Realm(String realm, String service) {
    }

    /** The Authorization sent, and which cached token it was (to refresh it when refused). */
    private record Auth(String header, TokenCache.Key key, String token) {
    }

    public DefaultRegistryClient(HttpEngine engine) {
        this.engine = requireNonNull(engine, "engine is null");
        this.base = engine.config().registryUrl();
        this.credentials = engine.config().registryCredentials();
    }

    @Override
    public String baseUrl() {
        return base.toString();
    }

    /** How many tokens this client fetched from token realms (for tests and benchmarks). */
    public long tokenFetchCount() {
        return tokenFetches.get();
    }

    @Override
    public RegistryResponse send(RegistryRequest request) {
        requireNonNull(request, "request is null");
        URI uri = uriFor(request);
        HttpResponse<InputStream> response = exchange(request, uri, false);
        byte[] body = engine.readCapped("registry", response.body());
        int status = response.statusCode();
        if (success(status) || request.accepting().contains(status)) {
            return new RegistryResponse(status, response.headers().map(), body);
        }
        throw failure(request, response, body);
    }

    @Override
    public RegistryStream open(RegistryRequest request) {
        requireNonNull(request, "request is null");
        URI uri = uriFor(request);
        HttpResponse<InputStream> response = exchange(request, uri, true);
        int status = response.statusCode();
        if (success(status) || request.accepting().contains(status)) {
            return new RegistryStream(status, response.headers().map(), engine.idleGuarded("registry", response.body()));
        }
        byte[] body = engine.readBody("registry", response.body(), 256 * 1024);
        throw failure(request, response, body);
    }

    /**
     * The blob's bytes go from the JDK client's buffers straight into the digest, the head and the file (one
     * gathering write per buffer list), on the client's thread, with demand for the next buffers only once those are
     * written: no stream adapter, no copy loop, memory bounded by the client's buffers. This thread watches: the
     * read timeout between arrivals (a stall cancels the exchange), the monitor's cancellation, progress.
     */
    @Override
    public BlobDownload download(RegistryRequest request, String expectedDigest, Path target, int keepHead,
                                 TransferMonitor monitor) {
        return receive(request, expectedDigest, length -> new BlobSink(expectedDigest, length, target, keepHead),
            target, monitor);
    }

    @Override
    public BlobDownload download(RegistryRequest request, String expectedDigest, NewLocalFile target,
                                 TransferMonitor monitor) {
        requireNonNull(target, "target is null");
        return receive(request, expectedDigest, length -> BlobSink.into(expectedDigest, length, target), null,
            monitor);
    }

    private BlobDownload receive(RegistryRequest request, String expectedDigest, SinkFor opener,
                                 Path target,
                                 TransferMonitor monitor) {
        requireNonNull(request, "request is null");
        requireNonNull(expectedDigest, "expectedDigest is null");
        requireNonNull(monitor, "monitor is null");
        if (!request.method().equals("GET")) {
            throw new IllegalArgumentException("download is a GET, not " + request.method());
        }
        Digests.digester(Digests.require("digest", expectedDigest)); // an unsupported algorithm fails before any request
        URI uri = uriFor(request);
        // a retried exchange (a connection lost before the answer was taken) opens the file again: the earlier
        // attempt's transfer is dropped first, so its file never stands in the way or stays behind
        AtomicReference<Transfer> attempt = new AtomicReference<>();
        HttpResponse.BodyHandler<Received> handler = info -> {
            if (!success(info.statusCode())) {
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), Received::of);
            }
            Transfer earlier = attempt.getAndSet(null);
            if (earlier != null) {
                earlier.abandon();
            }
            Transfer t = new Transfer(() -> opener.open(contentLength(info.headers())));
            attempt.set(t);
            return t;
        };
        HttpResponse<Received> response;
        try {
            response = exchange(request, uri, handler, Received::discardable, true);
        } catch (RuntimeException | Error e) {
            Transfer left = attempt.getAndSet(null);
            if (left != null) {
                left.abandon();
            }
            throw e;
        }
        Received received = response.body();
        if (received.transfer() == null) {
            byte[] body = engine.readBody("registry", received.stream(), 256 * 1024);
            throw failure(request, response.statusCode(), response.headers(), body);
        }
        Transfer t = received.transfer();
        BlobSink sink = t.await(monitor, engine.config().readTimeout(), contentLength(response.headers()));
        String digest = sink.finish();
        return new BlobDownload(response.statusCode(), response.headers().map(), sink.count(), digest, sink.head(),
            target);
    }

    /** Content-Length, or -1 when absent or not a number. */
    private static long contentLength(HttpHeaders headers) {
        try {
            return headers.firstValue("content-length").map(v -> Long.parseLong(v.trim())).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /** What an answer's body became: a stream (errors, redirects, challenges) or a transfer (2xx of a download). */
    private record Received(InputStream stream, Transfer transfer) {
        static Received of(InputStream stream) {
            return new Received(stream, null);
        }

        /** The stream to drop; a transfer (not expected here) is stopped and its file removed. */
        InputStream discardable() {
            if (transfer != null) {
                transfer.abandon();
                return InputStream.nullInputStream();
            }
            return stream;
        }
    }

    /** Creates the sink for a download once its Content-Length (or -1) is known. */
    @FunctionalInterface
    private interface SinkFor {
        BlobSink open(long contentLength) throws IOException;
    }

    /** Opens the sink once the status is known to be a success. */
    private interface SinkOpener {
        BlobSink open() throws IOException;
    }

    /**
     * Receives a 2xx body into a {@link BlobSink} as a two-stage pipeline: the client's thread writes each buffer
     * list to the file and queues it; the caller's thread, in {@link #await}, hashes it. {@link #WINDOW} lists are
     * asked for ahead and each one written is replaced while less than {@link #QUEUE_CAP} bytes wait to be hashed,
     * so memory stays bounded (window + queue) and a slow disk or hash slows the upstream down instead of piling up. Its "body" is itself, available at once (the exchange returns
     * after the headers, like a stream).
     */
    private static final class Transfer implements HttpResponse.BodySubscriber<Received> {
        static final long QUEUE_CAP = 8L << 20;
        /** Buffer lists asked for ahead, so the client reads the socket while earlier ones are written. */
        static final int WINDOW = 16;
        /** Wakes the hasher when the transfer ends. */
        private static final ByteBuffer[] END = new ByteBuffer[0];
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final LinkedBlockingQueue<ByteBuffer[]> toHash = new LinkedBlockingQueue<>();
        private final AtomicLong queued = new AtomicLong();
        private final AtomicLong deferred = new AtomicLong();
        private final AtomicLong demand = new AtomicLong();
        private final BlobSink sink;
        private final IOException openFailure;
        private volatile Flow.Subscription subscription;
        private volatile long lastActivity = System.nanoTime();
        private volatile boolean writing;

        Transfer(SinkOpener opener) {
            BlobSink s = null;
            IOException failure = null;
            try {
                s = opener.open();
            } catch (IOException e) {
                failure = e;
            }
            this.sink = s;
            this.openFailure = failure;
        }

        @Override
        public CompletionStage<Received> getBody() {
            return CompletableFuture.completedStage(new Received(null, this));
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            if (subscription != null) {
                s.cancel();
                return;
            }
            subscription = s;
            if (openFailure != null) {
                s.cancel();
                done.completeExceptionally(openFailure);
                return;
            }
            more(WINDOW);
        }

        /** Asks for {@code n} more buffer lists; while any is outstanding the stall clock runs. */
        private void more(long n) {
            lastActivity = System.nanoTime();
            demand.addAndGet(n);
            subscription.request(n);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            demand.decrementAndGet();
            lastActivity = System.nanoTime();
            if (done.isDone()) {
                return; // stopped: buffers still in flight are dropped
            }
            writing = true;
            ByteBuffer[] buffers = items.toArray(new ByteBuffer[0]);
            ByteBuffer[] forFile = new ByteBuffer[buffers.length];
            long n = 0;
            for (int i = 0; i < buffers.length; i++) {
                forFile[i] = buffers[i].duplicate();
                n += buffers[i].remaining();
            }
            try {
                sink.write(forFile);
            } catch (Throwable e) {
                writing = false;
                done.completeExceptionally(e);
                toHash.add(END);
                subscription.cancel();
                return;
            }
            writing = false;
            toHash.add(buffers);
            if (queued.addAndGet(n) < QUEUE_CAP) {
                more(1);
            } else {
                deferred.incrementAndGet();
                hashed(0); // the hasher may have caught up meanwhile
            }
        }

        /** The hasher took {@code n} bytes off the queue: resume the demand held back, if any. */
        private void hashed(long n) {
            if (queued.addAndGet(-n) < QUEUE_CAP && deferred.get() > 0) {
                long d = deferred.getAndSet(0);
                if (d > 0) {
                    more(d);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
            toHash.add(END);
        }

        @Override
        public void onComplete() {
            done.complete(null);
            toHash.add(END);
        }

        /** Stops the exchange (closing its connection) with {@code why}, unless it already ended. */
        private void stop(Throwable why) {
            if (done.completeExceptionally(why)) {
                toHash.add(END);
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
            }
        }

        /**
         * Hashes what arrives until the end, watching for a stall (demand outstanding, nothing for the read
         * timeout), the monitor's cancellation and reporting progress; returns the sink to finish, or removes the
         * file and throws the typed error.
         */
        BlobSink await(TransferMonitor monitor, Duration readTimeout, long total) {
            if (sink == null) {
                throw ActionException.validation("cannot create the download's file: " + openFailure.getMessage());
            }
            long timeout = readTimeout.toNanos();
            long period = Math.max(20, Math.min(1000, readTimeout.toMillis() / 4));
            long reported = -1;
            long lastCheck = System.nanoTime();
            try {
                while (true) {
                    ByteBuffer[] next = toHash.poll(period, TimeUnit.MILLISECONDS);
                    if (next == END) {
                        next = null;
                    }
                    if (next != null) {
                        long n = 0;
                        for (ByteBuffer b : next) {
                            n += b.remaining();
                        }
                        sink.hash(next);
                        hashed(n);
                    } else if (done.isDone()) {
                        if (toHash.isEmpty()) {
                            break;
                        }
                        continue;
                    }
                    if (done.isCompletedExceptionally()) {
                        break;
                    }
                    long now = System.nanoTime();
                    if (next != null && now - lastCheck < TimeUnit.MILLISECONDS.toNanos(period)) {
                        continue;
                    }
                    lastCheck = now;
                    long r = sink.count();
                    if (r != reported) {
                        monitor.progress(r, total);
                        reported = r;
                    }
                    if (monitor.cancelled()) {
                        stop(new CancellationException("cancelled by the caller"));
                    } else if (demand.get() > 0 && System.nanoTime() - lastActivity > timeout) {
                        stop(new HttpTimeoutException("registry stopped sending its answer: nothing arrived for "
                            + (readTimeout.toMillis() % 1000 == 0 ? readTimeout.toSeconds() + " s"
                            : readTimeout.toMillis() + " ms") + " (DOCKERHUB_READ_TIMEOUT)"));
                    }
                }
                done.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(new CancellationException("interrupted"));
                awaitQuiet();
                sink.abort();
                throw sink.error(new CancellationException("interrupted"));
            } catch (CompletionException e) {
                awaitQuiet();
                sink.abort();
                throw sink.error(e.getCause());
            } catch (RuntimeException e) {
                stop(e);
                awaitQuiet();
                sink.abort();
                throw sink.error(e);
            }
            if (sink.count() != reported) {
                monitor.progress(sink.count(), total);
            }
            return sink;
        }

        /** Stops the exchange and removes what was written (an answer nobody will read). */
        void abandon() {
            stop(new CancellationException("answer dropped"));
            awaitQuiet();
            if (sink != null) {
                sink.abort();
            }
        }

        /** Lets a write in progress on the client's thread end before the file is removed (bounded wait). */
        private void awaitQuiet() {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (writing && System.nanoTime() < until) {
                Thread.onSpinWait();
                Thread.yield();
            }
        }
    }

    private static boolean success(int status) {
        return status >= 200 && status < 300;
    }

    // ---- the exchange: auth, one retry on a challenge, redirects --------------------------------------------------

    /** {@code transfer}: a blob stream, bounded between bytes only (uploads of files are transfers too). */
    private HttpResponse<InputStream> exchange(RegistryRequest request, URI uri, boolean transfer) {
        return exchange(request, uri, HttpResponse.BodyHandlers.ofInputStream(), Function.identity(), transfer);
    }

    /** {@code stream} gives the body of an answer that is not the one wanted (a challenge, a redirect) to drop. */
    private <T> HttpResponse<T> exchange(RegistryRequest request, URI uri, HttpResponse.BodyHandler<T> handler,
                                         Function<T, InputStream> stream, boolean streamed) {
        boolean transfer = streamed || (request.body() != null && request.body().file() != null);
        List<String> scope = scopesOf(request);
        boolean sameOrigin = sameOrigin(uri, base);
        Auth auth = sameOrigin ? proactive(scope) : null;
        HttpResponse<T> response = sendOnce(request, uri, auth == null ? null : auth.header(), handler, stream,
            transfer);
        if (response.statusCode() == 401 && sameOrigin && !request.accepting().contains(401)) {
            List<Challenge> challenges = Challenge.parseAll(response.headers().allValues("www-authenticate"));
            Optional<Challenge> challenge = Challenge.preferred(challenges);
            if (challenge.isPresent()) {
                Auth retry = answer(challenge.get(), scope, auth);
                if (retry != null) {
                    discard(stream.apply(response.body()));
                    LOG.debug("registry challenged {} {}; retrying with {}", request.method(), uri.getPath(),
                        challenge.get().scheme());
                    response = sendOnce(request, uri, retry.header(), handler, stream, transfer);
                    auth = retry;
                }
            }
        }
        return followRedirects(request, uri, response, auth, handler, stream, transfer);
    }

    private <T> HttpResponse<T> followRedirects(RegistryRequest request, URI uri, HttpResponse<T> response,
                                                Auth auth, HttpResponse.BodyHandler<T> handler,
                                                Function<T, InputStream> stream, boolean transfer) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return response;
        }
        URI current = uri;
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            int s = response.statusCode();
            if (s != 301 && s != 302 && s != 303 && s != 307 && s != 308) {
                return response;
            }
            Optional<String> location = response.headers().firstValue("location");
            if (location.isEmpty()) {
                return response;
            }
            URI next = current.resolve(location.get());
            if (!"http".equals(next.getScheme()) && !"https".equals(next.getScheme())) {
                throw new ActionException(ErrorType.UPSTREAM, "registry redirected to an unsupported URL scheme: "
                    + next.getScheme());
            }
            discard(stream.apply(response.body()));
            // Authorization stays with the registry: storage back-ends get presigned URLs, never our token.
            String header = auth != null && sameOrigin(next, base) ? auth.header() : null;
            LOG.debug("registry redirected {} to {}://{}", request.method(), next.getScheme(), next.getAuthority());
            current = next;
            response = sendOnce(request, next, header, handler, stream, transfer);
        }
        return response;
    }

    /** The Authorization to send before any challenge: a cached or freshly fetched token once the realm is known. */
    private Auth proactive(List<String> scope) {
        Realm r = knownRealm;
        if (r != null) {
            TokenCache.Key key = TokenCache.Key.of(r.realm(), r.service(), scope);
            TokenCache.Token t = tokens.get(key, null, () -> fetchToken(r.realm(), r.service(), key));
            return new Auth("Bearer " + t.value(), key, t.value());
        }
        if (basicKnown && credentials.secret() != null) {
            return new Auth(basicHeader(), null, null);
        }
        return null;
    }

    /** The Authorization answering a challenge, or null when we have nothing better than what was refused. */
    private Auth answer(Challenge challenge, List<String> scope, Auth previous) {
        if (challenge.bearer()) {
            String realm = challenge.realm().orElse(engine.config().registryAuthUrl().toString());
            String service = challenge.service().orElse(null);
            LinkedHashSet<String> scopes = new LinkedHashSet<>(challenge.scopes());
            scopes.addAll(scope);
            TokenCache.Key key = TokenCache.Key.of(realm, service, new ArrayList<>(scopes));
            knownRealm = new Realm(realm, service);
            String stale = previous != null && key.equals(previous.key()) ? previous.token() : null;
            TokenCache.Token t = tokens.get(key, stale, () -> fetchToken(realm, service, key));
            if (previous != null && t.value().equals(previous.token())) {
                return null;
            }
            return new Auth("Bearer " + t.value(), key, t.value());
        }
        if (challenge.basic() && credentials.secret() != null && (previous == null || previous.key() != null)) {
            basicKnown = true;
            return new Auth(basicHeader(), null, null);
        }
        return null;
    }

    private String basicHeader() {
        String pair = credentials.identifier() + ":" + credentials.secret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private TokenCache.Token fetchToken(String realm, String service, TokenCache.Key key) {
        URI realmUri;
        try {
            realmUri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new ActionException(ErrorType.UPSTREAM, "registry challenge names an invalid token realm: " + realm);
        }
        if (!"http".equals(realmUri.getScheme()) && !"https".equals(realmUri.getScheme())) {
            throw new ActionException(ErrorType.UPSTREAM, "registry token realm must be http(s): " + realm);
        }
        StringBuilder q = new StringBuilder();
        if (service != null) {
            q.append("service=").append(encode(service));
        }
        if (!key.scope().isEmpty()) {
            for (String s : key.scope().split(" ")) {
                q.append(q.isEmpty() ? "" : "&").append("scope=").append(encode(s));
            }
        }
        String sep = realm.contains("?") ? "&" : "?";
        URI uri = URI.create(q.isEmpty() ? realm : realm + sep + q);
        boolean withCredentials = credentials.secret() != null && realmGetsCredentials(realmUri);
        if (credentials.secret() != null && !withCredentials) {
            LOG.debug("token realm {}://{} does not get the registry's credentials; asking anonymously",
                realmUri.getScheme(), realmUri.getAuthority());
        }
        tokenFetches.incrementAndGet();
        Instant requested = Instant.now();
        HttpResponse<InputStream> response = engine.send("registry", () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(engine.config().readTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", "dockerhub-mcp")
                .GET();
            if (withCredentials) {
                b.header("Authorization", basicHeader());
            }
            return b.build();
        }, true);
        byte[] body = engine.readBody("registry", response.body(), 1024 * 1024);
        int status = response.statusCode();
        String who = withCredentials ? credentials.identifier() + " (from " + credentials.source() + ")"
            : credentials.secret() != null ? "anonymous (the registry's credentials do not go to this realm)"
            : "anonymous";
        if (status != 200) {
            ActionError e = HttpEngine.statusError("registry token service", status, response.headers(), body);
            String message = "the registry's token service at " + realmUri.getScheme() + "://"
                + realmUri.getAuthority() + " refused a token for '" + key.scope() + "' to " + who + ": " + e.message();
            throw new ActionException(new ActionError(status == 401 ? ErrorType.UNAUTHORIZED : e.type(), message,
                status, e.retryAfter(), e.details()));
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ActionException(ErrorType.UPSTREAM, "registry token service answered something other than JSON");
        }
        String token = text(json, "token");
        if (token == null) {
            token = text(json, "access_token");
        }
        if (token == null) {
            throw new ActionException(ErrorType.UPSTREAM, "registry token service answered no token");
        }
        Redactor.registerTransient(token);
        Redactor.registerTransient(text(json, "refresh_token"));
        Duration lifetime = json.path("expires_in").canConvertToLong() && json.path("expires_in").asLong() > 0
            ? Duration.ofSeconds(json.path("expires_in").asLong()) : DEFAULT_TOKEN_LIFETIME;
        Instant issued = requested;
        String issuedAt = text(json, "issued_at");
        if (issuedAt != null) {
            try {
                Instant at = OffsetDateTime.parse(issuedAt).toInstant();
                // trust the issuer's clock only within reason: a skewed clock must not make tokens look expired
                if (Duration.between(at, requested).abs().compareTo(Duration.ofMinutes(5)) < 0) {
                    issued = at.isBefore(requested) ? at : requested;
                }
            } catch (RuntimeException ignored) {
                // not RFC 3339: use the time we asked
            }
        }
        LOG.debug("registry token for '{}' from {} valid {} s", key.scope(), realmUri.getAuthority(),
            lifetime.toSeconds());
        return TokenCache.Token.of(token, issued, lifetime);
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    // ---- one HTTP request --------------------------------------------------------------------------------------

    private <T> HttpResponse<T> sendOnce(RegistryRequest request, URI uri, String authorization,
                                         HttpResponse.BodyHandler<T> handler, Function<T, InputStream> stream,
                                         boolean transfer) {
        boolean retrySafe = RETRY_SAFE.contains(request.method());
        return engine.send("registry", () -> build(request, uri, authorization), retrySafe, handler,
            body -> discard(engine.idleGuarded("registry", stream.apply(body))), transfer);
    }

    private HttpRequest build(RegistryRequest request, URI uri, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
            .timeout(engine.config().readTimeout())
            .header("User-Agent", "dockerhub-mcp");
        boolean accept = false;
        boolean contentType = false;
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (NO_FORWARD.contains(name)) {
                continue;
            }
            accept |= name.equals("accept");
            contentType |= name.equals("content-type");
            b.header(h.getKey(), h.getValue());
        }
        if (!accept && request.path() != null && request.path().startsWith("manifests/")) {
            b.header("Accept", MANIFEST_ACCEPT);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        RegistryBody body = request.body();
        if (body != null) {
            if (!contentType) {
                b.header("Content-Type", body.contentType());
            }
            b.method(request.method(), publisher(body));
        } else {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    /**
     * Bytes as they are; a file range read from a {@link FileChannel} in 256 KiB buffers as the client asks for them
     * (never whole), hashed into the body's {@link UploadDigest} on the way when it has one.
     */
    static HttpRequest.BodyPublisher publisher(RegistryBody body) {
        if (body.bytes() != null) {
            return HttpRequest.BodyPublishers.ofByteArray(body.bytes());
        }
        long size;
        String name = body.source() != null ? body.source().name() : body.file().toString();
        if (body.source() != null) {
            size = body.source().size();
        } else {
            try {
                size = Files.size(body.file());
            } catch (IOException e) {
                throw ActionException.validation("cannot read '" + body.file() + "': " + e.getMessage());
            }
        }
        if (body.offset() + body.length() > size) {
            throw ActionException.validation("range " + body.offset() + "+" + body.length() + " lies beyond the end of '"
                + name + "' (" + size + " bytes)");
        }
        if (body.source() != null) {
            return new FileRangePublisher(name, body.source()::open, body.offset(), body.length(), body.digest());
        }
        Path file = body.file();
        return new FileRangePublisher(name, () -> FileChannel.open(file, StandardOpenOption.READ), body.offset(),
            body.length(), body.digest());
    }

    /** Opens the file afresh for each subscription. */
    @FunctionalInterface
    interface ChannelOpener {
        FileChannel open() throws IOException;
    }

    /** Publishes {@code length} bytes of a file from {@code offset}; each subscription reads the range afresh. */
    static final class FileRangePublisher implements HttpRequest.BodyPublisher {
        static final int BUFFER = 256 * 1024;
        private final String file;
        private final ChannelOpener opener;
        private final long offset;
        private final long length;
        private final UploadDigest digest;

        FileRangePublisher(String file, ChannelOpener opener, long offset, long length, UploadDigest digest) {
            this.file = requireNonNull(file, "file is null");
            this.opener = requireNonNull(opener, "opener is null");
            this.offset = offset;
            this.length = length;
            this.digest = digest;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            requireNonNull(subscriber, "subscriber is null");
            subscriber.onSubscribe(new RangeSubscription(subscriber));
        }

        /** Reads on demand; signals are serialized by a work-in-progress counter (request may re-enter). */
        private final class RangeSubscription implements Flow.Subscription {
            private final Flow.Subscriber<? super ByteBuffer> subscriber;
            private final AtomicLong demand = new AtomicLong();
            private final AtomicInteger wip = new AtomicInteger();
            private volatile boolean cancelled;
            private boolean finished;
            private FileChannel channel;
            private UploadDigest.Range range;
            private long position = offset;

            RangeSubscription(Flow.Subscriber<? super ByteBuffer> subscriber) {
                this.subscriber = subscriber;
            }

            @Override
            public void request(long n) {
                if (n <= 0) {
                    drain(new IllegalArgumentException("non-positive request " + n));
                    return;
                }
                demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                drain(null);
            }

            @Override
            public void cancel() {
                cancelled = true;
                drain(null);
            }

            private void drain(Throwable failure) {
                if (wip.getAndIncrement() != 0) {
                    return;
                }
                Throwable pending = failure;
                do {
                    if (finished) {
                        continue;
                    }
                    if (pending != null) {
                        end(pending);
                        pending = null;
                        continue;
                    }
                    if (cancelled) {
                        end(null);
                        finished = true;
                        continue;
                    }
                    while (!finished && !cancelled && demand.get() > 0) {
                        emitOne();
                    }
                    if (cancelled && !finished) {
                        end(null);
                        finished = true;
                    }
                } while (wip.decrementAndGet() != 0);
            }

            private void emitOne() {
                try {
                    if (channel == null) {
                        channel = opener.open();
                        range = digest == null ? null : digest.begin(offset);
                    }
                    long left = offset + length - position;
                    if (left == 0) {
                        if (range != null) {
                            range.finish();
                        }
                        end(null);
                        subscriber.onComplete();
                        return;
                    }
                    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(BUFFER, left));
                    while (buf.hasRemaining()) {
                        int n = channel.read(buf, position + buf.position());
                        if (n < 0) {
                            throw new IOException(file + " shrank while it was being sent: ended at "
                                + (position + buf.position()) + " of " + (offset + length) + " bytes");
                        }
                    }
                    buf.flip();
                    position += buf.remaining();
                    if (range != null) {
                        range.update(buf);
                        if (position == offset + length) {
                            range.finish(); // before the last bytes leave: the server cannot have them all sooner
                        }
                    }
                    demand.decrementAndGet();
                    subscriber.onNext(buf);
                } catch (IOException | RuntimeException e) {
                    end(e);
                }
            }

            /** Closes the file; with a failure, tells the subscriber. */
            private void end(Throwable failure) {
                finished = true;
                if (channel != null) {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // read-only: nothing lost
                    }
                }
                if (failure != null && !cancelled) {
                    subscriber.onError(failure);
                }
            }
        }
    }

    // ---- URLs --------------------------------------------------------------------------------------------------

    /** The URL of a request, after checking every part that reaches the path. */
    URI uriFor(RegistryRequest request) {
        String target;
        if (request.location() != null) {
            target = locationTarget(request.location());
        } else if (request.repository() == null) {
            if (request.path() != null) {
                throw new IllegalArgumentException("a path needs a repository");
            }
            target = base + "/v2/";
        } else {
            checkRepository(request.repository());
            if (request.path() == null) {
                throw new IllegalArgumentException("a repository request needs a path or a location");
            }
            if (!PATH.matcher(request.path()).matches()) {
                throw ActionException.validation("not a registry path this client sends: '" + request.path()
                    + "' (manifests/<tag|digest>, blobs/<digest>, blobs/uploads/, tags/list, referrers/<digest>)");
            }
            target = base + "/v2/" + request.repository() + "/" + request.path();
        }
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : request.query()) {
            q.append(q.isEmpty() ? "" : "&").append(encode(e.getKey())).append('=').append(encode(e.getValue()));
        }
        if (!q.isEmpty()) {
            target += (target.contains("?") ? "&" : "?") + q;
        }
        return URI.create(target);
    }

    private String locationTarget(String location) {
        return UploadLocations.resolve(base, location).toString();
    }

    private static void checkRepository(String repository) {
        if (!NAME.matcher(repository).matches() || repository.length() > 255) {
            throw ActionException.validation("'repository' is not a valid OCI repository name: '" + repository + "'");
        }
    }

    /** The request's own scope and any further ones it asks for in the same token. */
    private static List<String> scopesOf(RegistryRequest request) {
        String repo = request.repository();
        if (repo == null) {
            return List.of();
        }
        List<String> scopes = new ArrayList<>();
        scopes.add("repository:" + repo + ":" + request.actions());
        for (String s : request.scopes()) {
            String[] parts = s.split(":");
            if (parts.length != 3 || !parts[0].equals("repository") || !parts[2].matches("[a-z]+(,[a-z]+)*")) {
                throw new IllegalArgumentException("not a repository scope: " + s);
            }
            checkRepository(parts[1]);
            scopes.add(s);
        }
        return scopes;
    }

    /**
     * Whether the registry's credentials go to this token realm. Docker Hub's (the Hub credentials) go only to a
     * Docker Hub realm over https, and no other registry's go to Docker Hub. Otherwise a realm on the registry's own
     * host and scheme gets them, and one elsewhere only over https or on loopback: never in clear text across hosts.
     */
    boolean realmGetsCredentials(URI realm) {
        boolean hubRegistry = CredentialResolver.isDockerHub(base.getHost());
        boolean hubRealm = CredentialResolver.isDockerHub(realm.getHost());
        if (hubRegistry || hubRealm) {
            return hubRegistry && hubRealm && "https".equalsIgnoreCase(realm.getScheme());
        }
        if (realm.getHost() == null) {
            return false;
        }
        if (realm.getHost().equalsIgnoreCase(base.getHost()) && realm.getScheme().equalsIgnoreCase(base.getScheme())) {
            return true;
        }
        return "https".equalsIgnoreCase(realm.getScheme()) || loopback(realm.getHost());
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1")
            || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
            && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
            && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String unanchor(String pattern) {
        String p = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        return p.endsWith("$") ? p.substring(0, p.length() - 1) : p;
    }

    private static void discard(InputStream body) {
        try (InputStream in = body) {
            in.skip(1 << 16);
        } catch (IOException ignored) {
            // the connection is dropped
        }
    }

    // ---- errors ------------------------------------------------------------------------------------------------

    private ActionException failure(RegistryRequest request, HttpResponse<?> response, byte[] body) {
        return failure(request, response.statusCode(), response.headers(), body);
    }

    private ActionException failure(RegistryRequest request, int status, HttpHeaders headers, byte[] body) {
        ActionError e = HttpEngine.statusError("registry", status, headers, body);
        String note = switch (status) {
            case 401 -> credentials.secret() == null
                ? "; no registry credentials are configured (anonymous): " + request.actions() + " on "
                    + request.repository() + " needs " + (engine.config().registryIsDockerHub()
                    ? "DOCKER_HUB_USER/DOCKER_HUB_TOKEN" : "a login for " + base.getRawAuthority()
                    + " in the Docker CLI config (docker login)") + " with that access"
                : "; " + credentials.identifier() + " (from " + credentials.source() + ") lacks '"
                    + request.actions() + "' on " + request.repository();
            case 405 -> request.method().equals("DELETE")
                ? "; this registry does not allow deleting through the API (Docker Hub: delete tags in Hub;"
                    + " distribution: storage.delete.enabled)"
                : "; the registry does not allow " + request.method() + " here";
            case 416 -> "; the upload offset does not match what the registry holds (check the session's Range)";
            default -> "";
        };
        if (!note.isEmpty()) {
            // statusError added a generic hint for 401; ours is more precise
            String msg = status == 401 ? e.message().replace(
                " (check the credentials: DOCKER_HUB_USER/DOCKER_HUB_TOKEN or the Docker CLI login)", "") : e.message();
            e = new ActionError(e.type(), msg + note, e.statusCode(), e.retryAfter(), e.details());
        }
        return new ActionException(e);
    }
}
