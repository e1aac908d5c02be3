package dev.dockerhubmcp.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.RateLimitHeaders;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.engine.safety.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * The one HTTP engine behind the Hub, Registry and Scout clients: one JDK {@link HttpClient} (created on first use,
 * so start-up pays nothing), timeouts, retries of 429 and 503 honouring {@code Retry-After}/{@code X-Retry-After}
 * (capped per wait and in total, with jitter, a bounded number of times), network failures turned into typed
 * errors, and rate-limit headers captured into the shared {@link RateLimits}.
 */
public final class HttpEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEngine.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        defaultBufferSize(); // before any HttpRequest is built: the JDK reads the property once, on first use
    }

    private final UpstreamConfig config;
    private final RateLimits rateLimits;
    private volatile HttpClient client;
    private volatile ScheduledExecutorService watchdog;

    public HttpEngine(UpstreamConfig config, RateLimits rateLimits) {
        this.config = requireNonNull(config, "config is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
    }

    public UpstreamConfig config() {
        return config;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    /** The shared JDK client (HTTP/1.1, redirects followed for GET/HEAD only by callers that ask). */
    public HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    HttpClient.Builder b = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(config.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER);
                    if (!config.sslVerify()) {
                        b.sslContext(trustAll());
                    }
                    c = b.build();
                    client = c;
                }
            }
        }
        return c;
    }

    /**
     * Sends a request, retrying 429 and (when {@code retrySafe}) 503 and network failures. Returns the final answer
     * whatever its status, with the body as a stream the caller must consume or close. Throws {@link ActionException}
     * for network failures and timeouts.
     *
     * @param service   "hub", "registry" or "scout": names the upstream in errors and picks the rate-limit parser
     * @param request   builds the request (called again for each attempt: bodies are re-created)
     * @param retrySafe whether the request may be repeated when it may have reached the server (GET, HEAD, PUT,
     *                  DELETE, the token mint); a POST that may have been applied is not
     */
    public HttpResponse<InputStream> send(String service, Supplier<HttpRequest> request, boolean retrySafe) {
        return send(service, request, retrySafe, HttpResponse.BodyHandlers.ofInputStream(), this::releaseStream);
    }

    /**
     * Like {@link #send(String, Supplier, boolean)}, with the body received by {@code handler} (e.g. straight into a
     * file for a 2xx answer, as a stream otherwise). {@code discard} drops the body of a 429/503 answer before a
     * retry; it must not throw.
     */
    public <T> HttpResponse<T> send(String service, Supplier<HttpRequest> request, boolean retrySafe,
                                    HttpResponse.BodyHandler<T> handler, Consumer<T> discard) {
        return send(service, request, retrySafe, handler, discard, false);
    }

    /**
     * Like {@link #send(String, Supplier, boolean, HttpResponse.BodyHandler, Consumer)}. An API request
     * ({@code transfer} false) must be done, headers and body, within the request timeout and the call's deadline,
     * whichever comes first; a blob transfer only within the read timeout between bytes, however long it takes.
     */
    public <T> HttpResponse<T> send(String service, Supplier<HttpRequest> request, boolean retrySafe,
                                    HttpResponse.BodyHandler<T> handler, Consumer<T> discard, boolean transfer) {
        requireNonNull(handler, "handler is null");
        requireNonNull(discard, "discard is null");
        Duration waited = Duration.ZERO;
        int attempt = 0;
        while (true) {
            Limit limit = transfer ? Limit.NONE : limit(service);
            HttpRequest req = limit.apply(request.get(), config.readTimeout());
            HttpResponse<T> response;
            try {
                response = client().send(req, handler);
            } catch (IOException e) {
                ActionError error = limit.expired() ? limit.error() : networkError(service, req, e);
                if (retrySafe && attempt < config.maxRetries() && error.type() == ErrorType.NETWORK
                    && !(e instanceof ConnectException) && !(e.getCause() instanceof UnresolvedAddressException)) {
                    Duration wait = backoff(attempt);
                    LOG.debug("{} request failed ({}); retrying in {} ms (attempt {})", service,
                        e.getClass().getSimpleName(), wait.toMillis(), attempt + 1);
                    if (waited.plus(wait).compareTo(config.maxTotalRetryWait()) <= 0 && fitsCall(wait, transfer)) {
                        sleep(wait);
                        waited = waited.plus(wait);
                        attempt++;
                        continue;
                    }
                }
                throw new ActionException(error, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ActionException(ErrorType.NETWORK, service + " request interrupted");
            }
            capture(service, response.headers());
            response = limit.guard(this, service, response);
            int status = response.statusCode();
            boolean retryable = status == 429 || (status == 503 && retrySafe);
            if (!retryable || attempt >= config.maxRetries()) {
                return response;
            }
            Duration asked = RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null),
                response.headers().firstValue("x-retry-after").orElse(null), Instant.now()).orElse(null);
            Duration wait = asked != null ? asked : backoff(attempt);
            if (wait.compareTo(config.maxRetryWait()) > 0) {
                return response; // asked to wait longer than we will: report rate_limited with retry_after
            }
            wait = wait.plusMillis(ThreadLocalRandom.current().nextLong(0, 100 + 1));
            if (waited.plus(wait).compareTo(config.maxTotalRetryWait()) > 0 || !fitsCall(wait, transfer)) {
                return response; // retries count against the call's deadline
            }
            discard.accept(response.body());
            LOG.debug("{} answered {}; retrying in {} ms (attempt {})", service, status, wait.toMillis(), attempt + 1);
            sleep(wait);
            waited = waited.plus(wait);
            attempt++;
        }
    }

    /** The deadline of one API request: the request timeout from now, or the call's deadline when that is sooner. */
    private Limit limit(String service) {
        long now = System.nanoTime();
        long deadline = now + config.requestTimeout().toNanos();
        String why = "the " + seconds(config.requestTimeout()) + " limit of one request (DOCKERHUB_REQUEST_TIMEOUT)";
        Long started = CallDeadline.started();
        if (started != null) {
            long call = started + config.callTimeout().toNanos();
            if (call - deadline < 0) {
                deadline = call;
                why = "the " + seconds(config.callTimeout()) + " limit of one tool call (DOCKERHUB_CALL_TIMEOUT)";
            }
        }
        if (deadline - now <= 0) {
            throw new ActionException(ActionError.of(ErrorType.TIMEOUT, service + " was not asked: " + why
                + " has passed"));
        }
        return new Limit(service, deadline, why);
    }

    /** Whether a retry after {@code wait} can still start before the call's deadline. */
    private boolean fitsCall(Duration wait, boolean transfer) {
        Long started = CallDeadline.started();
        return transfer || started == null
            || started + config.callTimeout().toNanos() - (System.nanoTime() + wait.toNanos()) > 0;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** A request's deadline ({@link System#nanoTime()} based), or none. */
    private record Limit(String service, long deadline, String why) {
        static final Limit NONE = new Limit(null, 0, null);

        boolean none() {
            return why == null;
        }

        boolean expired() {
            return !none() && System.nanoTime() - deadline >= -TimeUnit.MILLISECONDS.toNanos(100);
        }

        ActionError error() {
            return ActionError.of(ErrorType.TIMEOUT, service + " did not finish within " + why);
        }

        /** The request with its wait for the headers cut to what is left. */
        HttpRequest apply(HttpRequest req, Duration readTimeout) {
            if (none()) {
                return req;
            }
            Duration wait = req.timeout().orElse(readTimeout);
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            if (wait.toMillis() <= left) {
                return req;
            }
            return HttpRequest.newBuilder(req, (n, v) -> true).timeout(Duration.ofMillis(left)).build();
        }

        /** A streamed body carries the deadline into whoever reads it. */
        @SuppressWarnings("unchecked")
        <T> HttpResponse<T> guard(HttpEngine engine, String service, HttpResponse<T> response) {
            if (none() || !(response.body() instanceof InputStream in)) {
                return response;
            }
            InputStream guarded = new IdleGuardedStream(service, in, engine.config.readTimeout(), engine.watchdog(),
                deadline, why);
            return new WithBody<>(response, (T) guarded);
        }
    }

    /** An answer with its body replaced. */
    private record WithBody<T>(HttpResponse<T> response, T replaced) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public java.util.Optional<HttpResponse<T>> previousResponse() {
            return response.previousResponse();
        }

        @Override
        public HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public T body() {
            return replaced;
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public java.net.URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }
    }

    /** Reads a body fully, refusing more than {@code cap} bytes with a typed error. Closes the stream. */
    public static byte[] readCapped(String service, InputStream in, long cap) {
        try (in) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (data.length > cap) {
                throw new ActionException(ErrorType.UPSTREAM,
                    service + " answered a body larger than the " + cap + "-byte cap");
            }
            return data;
        } catch (HttpTimeoutException e) {
            throw new ActionException(ActionError.of(ErrorType.TIMEOUT, e.getMessage() != null
                && e.getMessage().startsWith(service) ? e.getMessage() : service + " timed out sending the body"), e);
        } catch (IOException e) {
            throw new ActionException(ActionError.of(ErrorType.NETWORK,
                service + " connection failed while reading the body (truncated answer): " + e.getMessage()), e);
        }
    }

    /**
     * Reads a body fully with the configured cap ({@link UpstreamConfig#maxBodyBytes()}), failing with a
     * {@code timeout} error when the upstream sends nothing for longer than the read timeout.
     */
    public byte[] readCapped(String service, InputStream in) {
        return readBody(service, in, config.maxBodyBytes());
    }

    /** Like {@link #readCapped(String, InputStream, long)}, but bounded by the read timeout between reads. */
    public byte[] readBody(String service, InputStream in, long cap) {
        return readCapped(service, idleGuarded(service, in), cap);
    }

    /**
     * Wraps an answer's body so that a read that waits longer than the read timeout fails with an
     * {@link HttpTimeoutException} (and the exchange is cancelled). The JDK client's request timeout only covers the
     * wait for the headers; without this, an upstream that stalls mid-body would hang the call for ever. Use it for
     * streamed bodies too (blobs): the clock runs only while the caller is blocked in {@code read}.
     */
    public InputStream idleGuarded(String service, InputStream in) {
        requireNonNull(in, "in is null");
        if (in instanceof IdleGuardedStream) {
            return in; // already guarded, with its request's deadline
        }
        return new IdleGuardedStream(service, in, config.readTimeout(), watchdog(), Long.MAX_VALUE, null);
    }

    private ScheduledExecutorService watchdog() {
        ScheduledExecutorService w = watchdog;
        if (w == null) {
            synchronized (this) {
                w = watchdog;
                if (w == null) {
                    w = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "dockerhub-mcp-read-watchdog");
                        t.setDaemon(true);
                        return t;
                    });
                    watchdog = w;
                }
            }
        }
        return w;
    }

    /** A body stream whose blocked reads are cut off after the read timeout. */
    private static final class IdleGuardedStream extends FilterInputStream {
        private final String service;
        private final long timeoutNanos;
        private final Duration timeout;
        private final ScheduledFuture<?> check;
        private volatile long readStarted;
        private volatile boolean reading;
        private volatile boolean timedOut;
        private volatile boolean closed;
        private final long deadline;
        private final String why;
        private volatile boolean pastDeadline;

        /** {@code deadline} ({@link System#nanoTime()}) ends the body however it flows; {@code why} names it. */
        IdleGuardedStream(String service, InputStream in, Duration timeout, ScheduledExecutorService watchdog,
                          long deadline, String why) {
            super(in);
            this.service = service;
            this.timeout = timeout;
            this.timeoutNanos = timeout.toNanos();
            this.deadline = deadline;
            this.why = why;
            long period = Math.max(20, Math.min(1000, timeout.toMillis() / 4));
            if (why != null) {
                period = Math.max(20, Math.min(period, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) / 8));
            }
            this.check = watchdog.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
        }

        private void check() {
            if (why != null && !timedOut && System.nanoTime() - deadline >= 0) {
                pastDeadline = true;
            }
            if (!timedOut && (pastDeadline || reading && System.nanoTime() - readStarted > timeoutNanos)) {
                timedOut = true;
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing is how the blocked read is released
                }
            }
            if (closed) {
                check.cancel(false);
            }
        }

        private HttpTimeoutException timeout() {
            if (pastDeadline) {
                return new HttpTimeoutException(service + " did not finish its answer within " + why);
            }
            return new HttpTimeoutException(service + " stopped sending its answer: nothing arrived for "
                + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms")
                + " (DOCKERHUB_READ_TIMEOUT)");
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!timedOut && why != null && System.nanoTime() - deadline >= 0) {
                pastDeadline = true;
                timedOut = true;
                in.close();
            }
            if (timedOut) {
                throw timeout();
            }
            readStarted = System.nanoTime();
            reading = true;
            try {
                int n = in.read(b, off, len);
                if (timedOut) {
                    throw timeout();
                }
                if (n < 0) {
                    stop();
                }
                return n;
            } catch (IOException e) {
                if (timedOut) {
                    throw timeout();
                }
                throw e;
            } finally {
                reading = false;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
            long left = n;
            while (left > 0) {
                int r = read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }

        private void stop() {
            closed = true;
            check.cancel(false);
        }

        @Override
        public void close() throws IOException {
            stop();
            in.close();
        }
    }

    /**
     * The typed error for a non-success status: message from the body when it has one (JSON {@code message},
     * {@code detail}, {@code errinfo}, registry {@code errors[]}, SCIM {@code detail}), {@code retry_after} for 429/503,
     * and the upstream JSON as details.
     */
    public static ActionError statusError(String service, int status, HttpHeaders headers, byte[] body) {
        ErrorType type = ErrorType.forStatus(status);
        JsonNode json = Redactor.json(parseJson(body));
        String upstreamMessage = messageOf(json);
        String contentType = headers.firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (upstreamMessage == null && body.length > 0 && contentType.contains("html")) {
            upstreamMessage = "an HTML page instead of an API answer (a proxy or login page?)";
        } else if (upstreamMessage == null && body.length > 0 && json == null) {
            // redacted before it is cut: a secret cut in two would no longer be recognised
            String text = Redactor.text(new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.UTF_8))
                .strip();
            text = text.length() > 200 ? text.substring(0, 200) : text;
            upstreamMessage = text.isEmpty() ? null : text;
        }
        Long retryAfter = null;
        if (status == 429 || status == 503) {
            retryAfter = RetryAfter.parse(headers.firstValue("retry-after").orElse(null),
                headers.firstValue("x-retry-after").orElse(null), Instant.now()).map(Duration::toSeconds).orElse(null);
        }
        String message = service + " answered " + status + " " + reason(status)
            + (upstreamMessage == null ? "" : ": " + upstreamMessage) + hint(status, retryAfter);
        return new ActionError(type, message, status, retryAfter, json);
    }

    private static String hint(int status, Long retryAfter) {
        return switch (status) {
            case 401 -> " (check the credentials: DOCKER_HUB_USER/DOCKER_HUB_TOKEN or the Docker CLI login)";
            case 403 -> " (the credentials lack the permission or scope for this)";
            case 429 -> retryAfter == null ? " (rate limited)" : " (rate limited; retry after " + retryAfter + " s)";
            default -> "";
        };
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 416 -> "Range Not Satisfiable";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    static JsonNode parseJson(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(body);
            return n != null && (n.isObject() || n.isArray()) ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String messageOf(JsonNode json) {
        if (json == null) {
            return null;
        }
        JsonNode errors = json.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode e : errors) {
                if (!sb.isEmpty()) {
                    sb.append("; ");
                }
                String code = e.path("code").asText("");
                String msg = e.path("message").asText(e.isTextual() ? e.asText() : "");
                sb.append(code.isEmpty() ? msg : code + (msg.isEmpty() ? "" : " " + msg));
            }
            return sb.toString();
        }
        for (String key : new String[] {"message", "detail", "errinfo", "error_description", "error"}) {
            JsonNode v = json.get(key);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private ActionError networkError(String service, HttpRequest req, IOException e) {
        String where = service + " (" + req.uri().getScheme() + "://" + req.uri().getAuthority() + ")";
        if (e instanceof HttpConnectTimeoutException) {
            return ActionError.of(ErrorType.TIMEOUT, "connecting to " + where + " timed out after "
                + config.connectTimeout().toSeconds() + " s");
        }
        if (e instanceof HttpTimeoutException) {
            return ActionError.of(ErrorType.TIMEOUT, where + " did not answer within "
                + config.readTimeout().toSeconds() + " s");
        }
        if (e instanceof ConnectException) {
            Throwable c = e.getCause();
            if (c instanceof UnresolvedAddressException) {
                return ActionError.of(ErrorType.NETWORK, "cannot resolve the host of " + where + " (DNS failure)");
            }
            return ActionError.of(ErrorType.NETWORK, "connection to " + where + " refused");
        }
        if (e instanceof UnknownHostException || e.getCause() instanceof UnresolvedAddressException) {
            return ActionError.of(ErrorType.NETWORK, "cannot resolve the host of " + where + " (DNS failure)");
        }
        if (e instanceof SSLException) {
            return ActionError.of(ErrorType.NETWORK, "TLS failure talking to " + where + ": " + e.getMessage()
                + " (DOCKERHUB_SSL_VERIFY=false disables verification for a trusted mirror)");
        }
        return ActionError.of(ErrorType.NETWORK, "connection to " + where + " failed: "
            + (e.getMessage() == null ? "the connection closed unexpectedly" : e.getMessage()));
    }

    private void capture(String service, HttpHeaders headers) {
        if ("registry".equals(service)) {
            RateLimitHeaders.registry(headers.map()).ifPresent(rateLimits::recordRegistry);
        } else if ("hub".equals(service)) {
            RateLimitHeaders.hub(headers.map()).ifPresent(rateLimits::recordHub);
        }
    }

    private Duration backoff(int attempt) {
        return backoff(attempt, config.maxRetryWait(), ThreadLocalRandom.current());
    }

    /** Exponential back-off from 250 ms with up to 50 % random jitter, capped at {@code cap}. */
    static Duration backoff(int attempt, Duration cap, RandomGenerator random) {
        long base = 250L << Math.min(Math.max(attempt, 0), 6);
        long jitter = random.nextLong(0, base / 2 + 1);
        Duration d = Duration.ofMillis(base + jitter);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /**
     * Drops an answer whose body is not needed (a 401 before a re-mint, a 429/503 before a retry): a small body is
     * read to its end so the connection can be reused, a large or stalled one is cut off (bounded by the read
     * timeout). Never throws.
     */
    public void release(HttpResponse<InputStream> response) {
        releaseStream(response.body());
    }

    private void releaseStream(InputStream body) {
        try (InputStream in = idleGuarded("release", body)) {
            byte[] buf = new byte[8192];
            long left = 64 * 1024;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection is dropped; nothing to do
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionException(ErrorType.NETWORK, "interrupted while waiting to retry");
        }
    }

    /** The read buffer of the JDK client unless the user chose one (-Djdk.httpclient.bufsize). */
    static final int BUFFER_SIZE = 256 * 1024;

    /**
     * Sets the JDK client's buffer size (its documented {@code jdk.httpclient.bufsize}, read once when the
     * {@code java.net.http} internals are first used, building a request included) to 256 KiB unless it was set:
     * the default 16 KiB makes a blob transfer cost about three times the CPU (measured: receiving 1 GiB over
     * loopback took 2.0 s of CPU with 16 KiB, 0.6-0.8 s with 128-256 KiB).
     */
    private static void defaultBufferSize() {
        if (System.getProperty("jdk.httpclient.bufsize") == null) {
            System.setProperty("jdk.httpclient.bufsize", Integer.toString(BUFFER_SIZE));
        }
    }

    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a TLS context", e);
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService w = watchdog;
        if (w != null) {
            w.shutdownNow();
        }
        HttpClient c = client;
        if (c != null) {
            c.close();
        }
    }
}
