package dev.dockerhubmcp.api.http.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.http.Credentials;
import dev.dockerhubmcp.api.http.HttpEngine;
import dev.dockerhubmcp.api.registry.RegistryBody;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;
import dev.dockerhubmcp.api.registry.RegistryStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The OCI registry client (DESIGN §5) over the shared {@link HttpEngine}.
 *
 * <ul>
 *   <li>Auth: the first 401 carries {@code WWW-Authenticate}; a Bearer challenge sends us to its realm
 *       ({@code GET realm?service=&scope=}, Basic auth with the configured identifier/secret, anonymous otherwise)
 *       for a token cached per (realm, service, scope) until shortly before {@code expires_in} (60 s when absent);
 *       the request is retried once. Once a realm is known, tokens are fetched before the request, saving the 401.
 *       A Basic challenge is answered with the credentials.</li>
 *   <li>Requests: repository, reference and digest grammar are checked before anything is sent; manifests get
 *       {@link RegistryClient#MANIFEST_ACCEPT} unless the caller chose an Accept; blob bodies are streamed from
 *       files ({@code Content-Type: application/octet-stream}); upload {@code Location}s may be relative or
 *       absolute.</li>
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
        this.credentials = engine.config().credentials();
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
        HttpResponse<InputStream> response = exchange(request, uri);
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
        HttpResponse<InputStream> response = exchange(request, uri);
        int status = response.statusCode();
        if (success(status) || request.accepting().contains(status)) {
            return new RegistryStream(status, response.headers().map(), engine.idleGuarded("registry", response.body()));
        }
        byte[] body = engine.readBody("registry", response.body(), 256 * 1024);
        throw failure(request, response, body);
    }

    private static boolean success(int status) {
        return status >= 200 && status < 300;
    }

    // ---- the exchange: auth, one retry on a challenge, redirects --------------------------------------------------

    private HttpResponse<InputStream> exchange(RegistryRequest request, URI uri) {
        String scope = scopeOf(request);
        boolean sameOrigin = sameOrigin(uri, base);
        Auth auth = sameOrigin ? proactive(scope) : null;
        HttpResponse<InputStream> response = sendOnce(request, uri, auth == null ? null : auth.header());
        if (response.statusCode() == 401 && sameOrigin && !request.accepting().contains(401)) {
            List<Challenge> challenges = Challenge.parseAll(response.headers().allValues("www-authenticate"));
            Optional<Challenge> challenge = Challenge.preferred(challenges);
            if (challenge.isPresent()) {
                Auth retry = answer(challenge.get(), scope, auth);
                if (retry != null) {
                    discard(response);
                    LOG.debug("registry challenged {} {}; retrying with {}", request.method(), uri.getPath(),
                        challenge.get().scheme());
                    response = sendOnce(request, uri, retry.header());
                    auth = retry;
                }
            }
        }
        return followRedirects(request, uri, response, auth);
    }

    private HttpResponse<InputStream> followRedirects(RegistryRequest request, URI uri,
                                                      HttpResponse<InputStream> response, Auth auth) {
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
            discard(response);
            // Authorization stays with the registry: storage back-ends get presigned URLs, never our token.
            String header = auth != null && sameOrigin(next, base) ? auth.header() : null;
            LOG.debug("registry redirected {} to {}://{}", request.method(), next.getScheme(), next.getAuthority());
            current = next;
            response = sendOnce(request, next, header);
        }
        return response;
    }

    /** The Authorization to send before any challenge: a cached or freshly fetched token once the realm is known. */
    private Auth proactive(String scope) {
        Realm r = knownRealm;
        if (r != null) {
            TokenCache.Key key = TokenCache.Key.of(r.realm(), r.service(), scope == null ? List.of() : List.of(scope));
            TokenCache.Token t = tokens.get(key, null, () -> fetchToken(r.realm(), r.service(), key));
            return new Auth("Bearer " + t.value(), key, t.value());
        }
        if (basicKnown && credentials.secret() != null) {
            return new Auth(basicHeader(), null, null);
        }
        return null;
    }

    /** The Authorization answering a challenge, or null when we have nothing better than what was refused. */
    private Auth answer(Challenge challenge, String scope, Auth previous) {
        if (challenge.bearer()) {
            String realm = challenge.realm().orElse(engine.config().registryAuthUrl().toString());
            String service = challenge.service().orElse(null);
            LinkedHashSet<String> scopes = new LinkedHashSet<>(challenge.scopes());
            if (scope != null) {
                scopes.add(scope);
            }
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
        tokenFetches.incrementAndGet();
        Instant requested = Instant.now();
        HttpResponse<InputStream> response = engine.send("registry", () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(engine.config().readTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", "dockerhub-mcp")
                .GET();
            if (credentials.secret() != null) {
                b.header("Authorization", basicHeader());
            }
            return b.build();
        }, true);
        byte[] body = engine.readBody("registry", response.body(), 1024 * 1024);
        int status = response.statusCode();
        String who = credentials.secret() != null
            ? credentials.identifier() + " (from " + credentials.source() + ")" : "anonymous";
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

    private HttpResponse<InputStream> sendOnce(RegistryRequest request, URI uri, String authorization) {
        boolean retrySafe = RETRY_SAFE.contains(request.method());
        return engine.send("registry", () -> build(request, uri, authorization), retrySafe);
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

    /** Bytes as they are; a file range streamed from disk with its length announced (never read whole). */
    static HttpRequest.BodyPublisher publisher(RegistryBody body) {
        if (body.bytes() != null) {
            return HttpRequest.BodyPublishers.ofByteArray(body.bytes());
        }
        long size;
        try {
            size = Files.size(body.file());
        } catch (IOException e) {
            throw ActionException.validation("cannot read '" + body.file() + "': " + e.getMessage());
        }
        if (body.offset() + body.length() > size) {
            throw ActionException.validation("range " + body.offset() + "+" + body.length() + " lies beyond the end of '"
                + body.file() + "' (" + size + " bytes)");
        }
        long offset = body.offset();
        long length = body.length();
        if (offset == 0 && length == size) {
            try {
                return HttpRequest.BodyPublishers.ofFile(body.file());
            } catch (java.io.FileNotFoundException e) {
                throw ActionException.validation("cannot read '" + body.file() + "': " + e.getMessage());
            }
        }
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                InputStream in = Files.newInputStream(body.file());
                in.skipNBytes(offset);
                return new Bounded(in, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), length);
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int c = super.read();
            if (c >= 0) {
                remaining--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
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
        URI loc;
        try {
            loc = URI.create(location.trim());
        } catch (IllegalArgumentException e) {
            throw ActionException.validation("not a valid upload location: " + e.getMessage());
        }
        if (loc.getFragment() != null) {
            throw ActionException.validation("an upload location has no fragment");
        }
        if (loc.isAbsolute()) {
            if (!"http".equals(loc.getScheme()) && !"https".equals(loc.getScheme())) {
                throw ActionException.validation("an upload location must be http(s): " + location);
            }
            return loc.toString();
        }
        if (loc.getRawPath() == null || !loc.getRawPath().startsWith("/")) {
            throw ActionException.validation("a relative upload location must start with '/': " + location);
        }
        if (loc.getRawPath().contains("/../") || loc.getRawPath().endsWith("/..")) {
            throw ActionException.validation("an upload location may not contain '..'");
        }
        return base + loc.toString();
    }

    private static void checkRepository(String repository) {
        if (!NAME.matcher(repository).matches() || repository.length() > 255) {
            throw ActionException.validation("'repository' is not a valid OCI repository name: '" + repository + "'");
        }
    }

    private static String scopeOf(RegistryRequest request) {
        String repo = request.repository();
        if (repo == null) {
            return null;
        }
        return "repository:" + repo + ":" + request.actions();
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

    private static void discard(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.skip(1 << 16);
        } catch (IOException ignored) {
            // the connection is dropped
        }
    }

    // ---- errors ------------------------------------------------------------------------------------------------

    private ActionException failure(RegistryRequest request, HttpResponse<InputStream> response, byte[] body) {
        int status = response.statusCode();
        ActionError e = HttpEngine.statusError("registry", status, response.headers(), body);
        String note = switch (status) {
            case 401 -> credentials.secret() == null
                ? "; no registry credentials are configured (anonymous): " + request.actions() + " on "
                    + request.repository() + " needs DOCKER_HUB_USER/DOCKER_HUB_TOKEN with that access"
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
