package dev.dockerhubmcp.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Docker Hub API: {@code POST /v2/auth/token} mints JWTs for the users you add (with the lifetime you choose),
 * authenticated routes answer 401 without a valid, unexpired token, SCIM routes check the SCIM bearer, and every
 * answer can carry {@code X-RateLimit-*} headers. Script the API routes with {@link #on(String, String)}.
 *
 * <pre>{@code
 * try (FakeHub hub = FakeHub.start().user("alice", "dckr_pat_secret")) {
 *     hub.on("GET", "/v2/namespaces/alice/repositories").respond(200, "{\"count\":0,\"results\":[]}");
 *     ...
 *     hub.expireTokens();          // next call gets 401, the client re-mints and retries
 *     assertEquals(2, hub.mintCount());
 * }
 * }</pre>
 */
public final class FakeHub extends FakeHttpServer {
    /** Paths that never need a token. */
    private static final Set<String> OPEN = Set.of("/v2/auth/token", "/v2/users/login", "/v2/users/2fa-login");

    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger mints = new AtomicInteger();
    private volatile Duration tokenLifetime = Duration.ofMinutes(10);
    private volatile boolean requireAuth = true;
    private volatile String scimToken;
    private volatile long rateLimit = -1;
    private final AtomicInteger rateRemaining = new AtomicInteger();
    private volatile Duration mintDelay = Duration.ZERO;
    private volatile boolean omitExpiry;

    private FakeHub() {
        super();
    }

    public static FakeHub start() {
        return new FakeHub();
    }

    /** Adds a user whose identifier/secret the token endpoint accepts. */
    public FakeHub user(String identifier, String secret) {
        users.put(identifier, secret);
        return this;
    }

    /** The lifetime ({@code exp}) of minted JWTs. */
    public FakeHub tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
        return this;
    }

    /** Slows each mint down (to provoke concurrent callers into a thundering herd, which the client must avoid). */
    public FakeHub mintDelay(Duration delay) {
        this.mintDelay = delay;
        return this;
    }

    /** Mints JWTs without an {@code exp} claim (such tokens never expire here; clients must assume a lifetime). */
    public FakeHub omitExpiry(boolean omit) {
        this.omitExpiry = omit;
        return this;
    }

    /** Whether scripted routes need a valid JWT (default true; anonymous routes can be allowed by turning it off). */
    public FakeHub requireAuth(boolean require) {
        this.requireAuth = require;
        return this;
    }

    /** The SCIM bearer token that {@code /v2/scim/2.0/*} accepts. */
    public FakeHub scimToken(String token) {
        this.scimToken = token;
        return this;
    }

    /** Adds {@code X-RateLimit-Limit/Remaining/Reset} to every answer, counting down. */
    public FakeHub rateLimit(long limit) {
        this.rateLimit = limit;
        this.rateRemaining.set((int) limit);
        return this;
    }

    /** Invalidates every JWT minted so far: the next authenticated call gets 401. */
    public void expireTokens() {
        validTokens.clear();
    }

    public int mintCount() {
        return mints.get();
    }

    /** Mints a JWT directly (to hand a client {@code DOCKERHUB_JWT}). */
    public String issueToken(String username, Duration lifetime) {
        Instant now = Instant.now();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"sub\":\"" + UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
            + "\",\"iss\":\"fake-hub\",\"aud\":\"hub\",\"iat\":" + now.getEpochSecond()
            + (omitExpiry ? "" : ",\"exp\":" + now.plus(lifetime).getEpochSecond()) + ",\"jti\":\"" + UUID.randomUUID()
            + "\",\"https://hub.docker.com\":{\"username\":\"" + username + "\",\"source\":\"pat\"}}");
        String jwt = header + "." + payload + "." + b64("sig-" + UUID.randomUUID());
        validTokens.add(jwt);
        return jwt;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected FakeResponse intercept(RecordedRequest request) {
        return authenticate(request);
    }

    private FakeResponse authenticate(RecordedRequest request) {
        if (request.path().equals("/v2/auth/token") && request.method().equals("POST")) {
            return mint(request);
        }
        if (request.path().startsWith("/v2/scim/")) {
            if (scimToken == null || !request.bearer().map(scimToken::equals).orElse(false)) {
                return FakeResponse.json(401, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                    + "\"status\":\"401\",\"detail\":\"invalid SCIM token\"}")
                    .withHeader("Content-Type", "application/scim+json");
            }
            return null;
        }
        if (!requireAuth || OPEN.contains(request.path()) || request.path().startsWith("/api/search")) {
            return null;
        }
        String bearer = request.bearer().orElse(null);
        if (bearer == null || !validTokens.contains(bearer) || expired(bearer)) {
            return FakeResponse.json(401, "{\"message\":\"authentication required\",\"errinfo\":{}}");
        }
        return null;
    }

    private boolean expired(String jwt) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
            if (!payload.contains("\"exp\":")) {
                return false;
            }
            long exp = Long.parseLong(payload.replaceAll(".*\"exp\":(\\d+).*", "$1"));
            return Instant.ofEpochSecond(exp).isBefore(Instant.now());
        } catch (RuntimeException e) {
            return true;
        }
    }

    private FakeResponse mint(RecordedRequest request) {
        mints.incrementAndGet();
        if (!mintDelay.isZero()) {
            try {
                Thread.sleep(mintDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        JsonNode body = request.json();
        String id = body.path("identifier").asText(null);
        String secret = body.path("secret").asText(null);
        if (id == null || secret == null) {
            return FakeResponse.json(400, "{\"message\":\"identifier and secret are required\"}");
        }
        if (!secret.equals(users.get(id))) {
            return FakeResponse.json(401, "{\"message\":\"incorrect username or password\"}");
        }
        return FakeResponse.json(200, Map.of("access_token", issueToken(id, tokenLifetime)));
    }

    @Override
    protected FakeResponse decorate(FakeResponse response) {
        if (rateLimit < 0) {
            return response;
        }
        int left = Math.max(0, rateRemaining.decrementAndGet());
        return response.withHeader("X-RateLimit-Limit", String.valueOf(rateLimit))
            .withHeader("X-RateLimit-Remaining", String.valueOf(left))
            .withHeader("X-RateLimit-Reset", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()));
    }
}
