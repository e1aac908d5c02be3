package dev.dockerhubmcp.engine.http.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.HttpEngine;
import dev.dockerhubmcp.api.hub.Jwt;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubClient;
import dev.dockerhubmcp.api.hub.HubIdentity;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;
import dev.dockerhubmcp.engine.safety.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * The Docker Hub API client. The JWT comes from {@code POST /v2/auth/token {identifier, secret}} (or
 * {@code DOCKERHUB_JWT} as-is), is cached and refreshed shortly before it expires: when under 60 s or a quarter of its
 * lifetime remain, whichever is less, so short-lived tokens are reused too (300 s lifetime assumed when the token has
 * no {@code exp}); concurrent callers share one mint; a 401 causes one re-mint and one retry.
 */
public final class DefaultHubClient implements HubClient {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultHubClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(300);
    private static final Set<String> RETRY_SAFE = Set.of("GET", "HEAD", "PUT", "DELETE");

    private final HttpEngine engine;
    private final Clock clock;
    private final Credentials credentials;
    private final String scimToken;
    private final URI base;
    private final ReentrantLock mintLock = new ReentrantLock();
    private final AtomicLong mints = new AtomicLong();
    private volatile Token token;

    /** A JWT, when it expires on our clock, and how long before that it is replaced. */
    private record Token(String jwt, Instant expiresAt, Duration margin) {
        boolean fresh(Instant now) {
            return expiresAt.minus(margin).isAfter(now);
        }
    }

    public DefaultHubClient(HttpEngine engine) {
        this(engine, Clock.systemUTC());
    }

    /** With a clock of your own (tests that move time to check token refresh). */
    public DefaultHubClient(HttpEngine engine, Clock clock) {
        this.engine = requireNonNull(engine, "engine is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.credentials = engine.config().credentials();
        this.scimToken = engine.config().scimToken();
        this.base = engine.config().hubUrl();
        if (credentials.jwt() != null) {
            this.token = new Token(credentials.jwt(), Jwt.expiry(credentials.jwt()).orElse(Instant.MAX),
                REFRESH_MARGIN);
        }
    }

    @Override
    public String baseUrl() {
        return base.toString();
    }

    /** How many JWTs this client has minted (for tests and benchmarks). */
    public long mintCount() {
        return mints.get();
    }

    /** Whether this client can mint a JWT (it has an identifier and secret, not a ready-made JWT). */
    public boolean canMint() {
        return credentials.secret() != null;
    }

    @Override
    public HubResponse send(HubRequest request) {
        requireNonNull(request, "request is null");
        String bearer = bearerFor(request.auth());
        HttpResponse<InputStream> response = exchange(request, bearer);
        if (response.statusCode() == 401 && bearer != null && request.auth() != HubAuth.SCIM && canMint()
            && !request.accepting().contains(401)) {
            engine.release(response);
            LOG.debug("hub answered 401 for {} {}; minting a new token and retrying once", request.method(),
                request.path());
            bearer = refreshAfter(bearer);
            response = exchange(request, bearer);
        }
        byte[] body = engine.readCapped("hub", response.body());
        int status = response.statusCode();
        if ((status >= 200 && status < 300) || request.accepting().contains(status)) {
            String contentType = response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
            if (body.length > 0 && contentType.contains("html") && !request.accept().toLowerCase(Locale.ROOT)
                .contains("html")) {
                throw new ActionException(new ActionError(ErrorType.UPSTREAM, "hub answered " + status
                    + " with an HTML page instead of an API answer (a proxy, captive portal or wrong DOCKERHUB_URL?)",
                    status, null, null));
            }
            String text = new String(body, StandardCharsets.UTF_8);
            JsonNode json = parse(text);
            if (json.isNull() && !text.isBlank() && !text.strip().equals("null")
                && request.accept().toLowerCase(Locale.ROOT).contains("json")) {
                throw new ActionException(new ActionError(ErrorType.UPSTREAM, "hub answered " + status
                    + " with a body that is not valid JSON (" + strictProblem(text) + "); the answer was cut short "
                    + "or is not an API answer", status, null, null));
            }
            // known secrets go before a plugin sees (and perhaps cuts short) the answer
            return new HubResponse(status, response.headers().map(), Redactor.values(json), Redactor.values(text));
        }
        ActionError error = HttpEngine.statusError("hub", status, response.headers(), body);
        if (status == 401) {
            error = new ActionError(ErrorType.UNAUTHORIZED, error.message() + identityNote(request.auth()), status,
                null, error.details());
        }
        throw new ActionException(error);
    }

    private String identityNote(HubAuth auth) {
        if (auth == HubAuth.SCIM) {
            return "; the SCIM token (DOCKERHUB_SCIM_TOKEN) was refused";
        }
        if (credentials.anonymous()) {
            return "; no credentials are configured (anonymous)";
        }
        if (!canMint()) {
            Instant exp = Jwt.expiry(credentials.jwt()).orElse(null);
            String expired = exp != null && !exp.isAfter(clock.instant()) ? ", which expired at " + exp : "";
            return "; refused identity: " + describeIdentity() + expired
                + " (DOCKERHUB_JWT is used as-is and never refreshed: set a fresh one, or DOCKER_HUB_USER and "
                + "DOCKER_HUB_TOKEN instead)";
        }
        return "; refused identity: " + describeIdentity() + ", even with a freshly minted token";
    }

    /**
     * Who the configured credentials are, for messages: {@code alice (pat from DOCKER_HUB_USER/DOCKER_HUB_TOKEN)}.
     * Never contains a secret.
     */
    public String describeIdentity() {
        if (credentials.anonymous()) {
            return "anonymous";
        }
        if (!canMint()) {
            return "the JWT" + Jwt.username(credentials.jwt()).map(u -> " of " + u).orElse("") + " from "
                + credentials.source();
        }
        return credentials.identifier() + " (" + credentials.kind() + " from " + credentials.source() + ")";
    }

    private HttpResponse<InputStream> exchange(HubRequest request, String bearer) {
        URI uri = URI.create(base + request.pathAndQuery());
        boolean retrySafe = RETRY_SAFE.contains(request.method());
        return engine.send("hub", () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(engine.config().readTimeout())
                .header("Accept", request.accept())
                .header("User-Agent", "dockerhub-mcp");
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            if (request.body() != null) {
                b.header("Content-Type", request.contentType());
                b.method(request.method(), HttpRequest.BodyPublishers.ofString(request.body().toString()));
            } else if (request.method().equals("HEAD")) {
                b.method("HEAD", HttpRequest.BodyPublishers.noBody());
            } else {
                b.method(request.method(), HttpRequest.BodyPublishers.noBody());
            }
            return b.build();
        }, retrySafe);
    }

    private String bearerFor(HubAuth auth) {
        return switch (auth) {
            case NONE -> null;
            case SCIM -> {
                if (scimToken == null || scimToken.isBlank()) {
                    throw new ActionException(ErrorType.UNAUTHORIZED, "SCIM calls need the SCIM bearer token of the "
                        + "organization's SSO connection: set DOCKERHUB_SCIM_TOKEN in the server's environment");
                }
                yield scimToken;
            }
            case OPTIONAL -> credentials.anonymous() ? null : jwt(false);
            case JWT -> {
                if (credentials.anonymous()) {
                    throw new ActionException(ErrorType.UNAUTHORIZED, "this action needs Docker Hub credentials: set "
                        + "DOCKER_HUB_USER and DOCKER_HUB_TOKEN (a personal access token), or log in with "
                        + "'docker login'");
                }
                yield jwt(false);
            }
        };
    }

    /**
     * The current JWT, minting one when absent or near its expiry ({@link #refreshMargin}); concurrent callers share
     * one mint.
     * {@code forceRefresh} replaces the token held now (as {@link #refreshAfter(String)} with it).
     */
    public String jwt(boolean forceRefresh) {
        Token t = token;
        if (forceRefresh) {
            return refreshAfter(t == null ? null : t.jwt());
        }
        if (t != null && (t.fresh(clock.instant()) || !canMint())) {
            return t.jwt(); // DOCKERHUB_JWT is used as-is, even near its expiry
        }
        if (!canMint()) {
            throw new ActionException(ErrorType.UNAUTHORIZED, "no Docker Hub credentials configured");
        }
        mintLock.lock();
        try {
            Token current = token;
            Instant now = clock.instant();
            if (current != null && (current.fresh(now) || (current != t && current.expiresAt().isAfter(now)))) {
                return current.jwt(); // another caller minted while we waited (even a short-lived token serves)
            }
            Token minted = mint();
            token = minted;
            return minted.jwt();
        } finally {
            mintLock.unlock();
        }
    }

    /**
     * A JWT to use after the upstream refused {@code rejected}: when another caller has already replaced it, that
     * newer token; otherwise a freshly minted one. However many callers were refused the same token at once, one
     * mint happens. Without a secret to mint with (DOCKERHUB_JWT, anonymous), the current token is returned as-is.
     */
    public String refreshAfter(String rejected) {
        if (!canMint()) {
            Token t = token;
            if (t == null) {
                throw new ActionException(ErrorType.UNAUTHORIZED, "no Docker Hub credentials configured");
            }
            return t.jwt();
        }
        mintLock.lock();
        try {
            Token current = token;
            if (current != null && !current.jwt().equals(rejected) && current.fresh(clock.instant())) {
                return current.jwt();
            }
            token = null;
            Token minted = mint();
            token = minted;
            return minted.jwt();
        } finally {
            mintLock.unlock();
        }
    }

    private Token mint() {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("identifier", credentials.identifier());
        body.put("secret", credentials.secret());
        URI uri = URI.create(base + "/v2/auth/token");
        mints.incrementAndGet();
        HttpResponse<InputStream> response = engine.send("hub", () -> HttpRequest.newBuilder(uri)
            .timeout(engine.config().readTimeout())
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("User-Agent", "dockerhub-mcp")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(), true);
        byte[] bytes = engine.readBody("hub", response.body(), 1024 * 1024);
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            ActionError e = HttpEngine.statusError("hub", status, response.headers(), bytes);
            String message = (status == 401 || status == 403
                ? "Docker Hub refused the credentials of " : "Docker Hub could not mint a token for ")
                + describeIdentity() + ": " + e.message();
            throw new ActionException(new ActionError(status == 401 ? ErrorType.UNAUTHORIZED : e.type(), message,
                e.statusCode(), e.retryAfter(), null));
        }
        JsonNode json = parse(new String(bytes, StandardCharsets.UTF_8));
        String jwt = json.path("access_token").asText(json.path("token").asText(null));
        if (jwt == null || jwt.isBlank()) {
            throw new ActionException(ErrorType.UPSTREAM, "the hub's token answer (POST /v2/auth/token) carried no "
                + "access_token: is DOCKERHUB_URL the Docker Hub API?");
        }
        Redactor.registerJwt(jwt, false);
        Instant now = clock.instant();
        Instant exp = localExpiry(jwt, now);
        LOG.debug("minted a hub JWT for {} valid until {}", credentials.identifier(), exp);
        return new Token(jwt, exp, refreshMargin(Duration.between(now, exp)));
    }

    /** How long before its expiry a token is replaced: 60 s, or a quarter of a shorter token's lifetime. */
    static Duration refreshMargin(Duration lifetime) {
        Duration quarter = lifetime.isNegative() ? Duration.ZERO : lifetime.dividedBy(4);
        return quarter.compareTo(REFRESH_MARGIN) < 0 ? quarter : REFRESH_MARGIN;
    }

    /**
     * When a token minted now expires on our clock: its lifetime ({@code exp - iat}) from now, so a skew between our
     * clock and the Hub's does not make every token look stale; {@code exp} itself without {@code iat}; 300 s
     * without {@code exp}.
     */
    static Instant localExpiry(String jwt, Instant now) {
        Instant exp = Jwt.expiry(jwt).orElse(null);
        if (exp == null) {
            return now.plus(DEFAULT_LIFETIME);
        }
        Instant iat = Jwt.issuedAt(jwt).orElse(null);
        if (iat == null || iat.isAfter(exp)) {
            return exp;
        }
        return now.plus(Duration.between(iat, exp));
    }

    @Override
    public HubIdentity identity() {
        if (credentials.anonymous()) {
            return new HubIdentity(false, null, credentials.source(), null, null, null);
        }
        String jwt = jwt(false);
        String user = Jwt.username(jwt).orElse(credentials.identifier());
        return new HubIdentity(true, user, credentials.source(), credentials.kind(), Jwt.expiry(jwt).orElse(null),
            Jwt.safeClaims(jwt));
    }

    private static String strictProblem(String text) {
        try {
            MAPPER.readTree(text);
            return "unreadable";
        } catch (Exception | StackOverflowError e) {
            return dev.dockerhubmcp.api.JsonNodes.problem(e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MAPPER.nullNode();
        }
        try {
            return MAPPER.readTree(text);
        } catch (Exception | StackOverflowError e) {
            return MAPPER.nullNode();
        }
    }
}
