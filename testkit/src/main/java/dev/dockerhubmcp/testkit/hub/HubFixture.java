package dev.dockerhubmcp.testkit.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHub;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.dockerhubmcp.testkit.hub.Expect.equal;
import static dev.dockerhubmcp.testkit.hub.Expect.isTrue;
import static java.util.Objects.requireNonNull;

/**
 * A {@link FakeHub} with one user (and optionally a SCIM token) and an {@link ActionHarness} logged in against it,
 * for one plugin: the real clients, the real runner, the envelope an MCP client sees. Plus the checks every Hub
 * action's tests repeat — refused before the network, 401 then one re-mint, 404, 429 then retry, the destructive
 * gate — each throwing {@link AssertionError} (any test framework reports it). {@link HubActionCases} runs them all
 * as a table; use the fixture directly for an action's own cases.
 *
 * <pre>{@code
 * class DeleteTagTest {
 *     private final HubFixture f = HubFixture.destructive(new ReposPlugin());
 *
 *     @AfterEach
 *     void close() {
 *         f.close();
 *     }
 *
 *     @Test
 *     void deletes() {
 *         f.hub().on("DELETE", "/v2/repositories/alice/web/tags/1.0/").respond(FakeResponse.status(204));
 *         JsonNode data = f.ok("delete_tag", "{\"namespace\":\"alice\",\"repository\":\"web\",\"tag\":\"1.0\"}");
 *         RecordedRequest r = f.onlyRequest();
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class HubFixture implements AutoCloseable {
    /** The Docker ID the fake Hub knows. */
    public static final String USER = "alice";
    /** Her personal access token. */
    public static final String PAT = "dckr_pat_fixture_secret";
    /** The SCIM token of {@link Builder#scim()}. */
    public static final String SCIM_TOKEN = "scim-token-fixture";
    /** The SCIM media type, both ways. */
    public static final String SCIM_MEDIA_TYPE = "application/scim+json";
    /** The {@code schemas} entry of a SCIM error (RFC 7644 §3.12). */
    public static final String SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHubPlugin plugin;
    private final FakeHub hub;
    private final boolean allowDestructive;
    private final String scimToken;
    private final Clock clock;
    private final ActionHarness harness;

    private HubFixture(Builder b) {
        this.plugin = b.plugin;
        this.allowDestructive = b.allowDestructive;
        this.scimToken = b.scimToken;
        this.clock = b.clock;
        this.hub = FakeHub.start().user(USER, PAT);
        if (scimToken != null) {
            hub.scimToken(scimToken);
        }
        this.harness = harness(h -> { });
    }

    /** A fixture whose harness refuses destructive calls (the default configuration). */
    public static HubFixture start(DockerHubPlugin plugin) {
        return builder(plugin).build();
    }

    /** A fixture whose harness allows destructive calls ({@code DOCKERHUB_ALLOW_DESTRUCTIVE}). */
    public static HubFixture destructive(DockerHubPlugin plugin) {
        return builder(plugin).allowDestructive(true).build();
    }

    public static Builder builder(DockerHubPlugin plugin) {
        return new Builder(plugin);
    }

    /** How the fixture is set up. */
    public static final class Builder {
        private final DockerHubPlugin plugin;
        private boolean allowDestructive;
        private String scimToken;
        private Clock clock = Clock.systemUTC();

        private Builder(DockerHubPlugin plugin) {
            this.plugin = requireNonNull(plugin, "plugin is null");
        }

        /** Whether the harness allows destructive calls (default false). */
        public Builder allowDestructive(boolean allow) {
            this.allowDestructive = allow;
            return this;
        }

        /** The fake Hub accepts this SCIM token on {@code /v2/scim/*} and the harness sends it. */
        public Builder scimToken(String token) {
            this.scimToken = requireNonNull(token, "token is null");
            return this;
        }

        /** The clock handlers see (expiry checks, challenge lifetimes). */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /** {@link #scimToken(String)} with {@link HubFixture#SCIM_TOKEN}. */
        public Builder scim() {
            return scimToken(SCIM_TOKEN);
        }

        public HubFixture build() {
            return new HubFixture(this);
        }
    }

    public FakeHub hub() {
        return hub;
    }

    public DockerHubPlugin plugin() {
        return plugin;
    }

    public ActionHarness harness() {
        return harness;
    }

    /** The SCIM token the harness sends, or null. */
    public String scimToken() {
        return scimToken;
    }

    /**
     * A new harness against this fixture's Hub, configured as the fixture's and then changed (e.g. another SCIM
     * token, destructive calls refused); the caller closes it.
     */
    public ActionHarness harness(Consumer<ActionHarness.Builder> change) {
        ActionHarness.Builder b = ActionHarness.builder().hub(hub.url()).credentials(USER, PAT)
            .allowDestructive(allowDestructive).clock(clock);
        if (scimToken != null) {
            b.scimToken(scimToken);
        }
        change.accept(b);
        return b.build();
    }

    /** Runs the action with the fixture's harness. */
    public Result call(String action, String json) {
        return harness.call(plugin, action, json);
    }

    /** Runs the action and returns the envelope an MCP client sees. */
    public ObjectNode envelope(String action, String json) {
        return envelope(call(action, json));
    }

    /** Runs the action with a harness changed as {@link #harness(Consumer)} says and returns the envelope. */
    public ObjectNode envelope(Consumer<ActionHarness.Builder> change, String action, String json) {
        try (ActionHarness h = harness(change)) {
            return h.envelope(h.call(plugin, action, json));
        }
    }

    /** The envelope an MCP client sees for a result. */
    public ObjectNode envelope(Result r) {
        return harness.envelope(r);
    }

    /** Calls and asserts success; returns the envelope's data. */
    public JsonNode ok(String action, String json) {
        Result r = call(action, json);
        isTrue(!r.isError(), () -> action + " failed: " + envelope(r));
        return envelope(r).get("data");
    }

    /** Requests other than the JWT mint. */
    public List<RecordedRequest> apiRequests() {
        return hub.requests().stream().filter(r -> !r.path().equals("/v2/auth/token")).toList();
    }

    /** Asserts exactly one API request was sent and returns it. */
    public RecordedRequest onlyRequest() {
        List<RecordedRequest> all = apiRequests();
        equal(1, all.size(), "API requests: " + all);
        return all.get(0);
    }

    /**
     * The arguments are refused by validation, the message contains {@code text} (name the field: {@code "'tag'"}
     * or {@code "'tag' is required"}), and nothing reaches the Hub, not even a token mint.
     */
    public void refusedBeforeNetwork(String action, String json, String text) {
        Result r = call(action, json);
        isTrue(r.isError(), () -> action + " " + json + " should be refused, got " + envelope(r));
        equal(ErrorType.VALIDATION, r.error().type(), "error type (" + r.error().message() + ")");
        isTrue(r.error().message().contains(text), () -> "message should contain " + text + ": "
            + r.error().message());
        equal("validation", envelope(r).path("error").path("type").asText(), "envelope error type");
        equal(List.of(), hub.requestLines(), "no request may be sent");
    }

    /**
     * The route must be scripted with a success. The action succeeds, the JWT then expires, and the next call sees
     * one 401, mints once more and retries to success.
     */
    public void reMintsAfter401(String action, String json, String method, String path) {
        ok(action, json);
        int before = hub.mintCount();
        hub.expireTokens();
        ok(action, json);
        equal(before + 1, hub.mintCount(), "one re-mint");
        equal(3, hub.requests(method, path).size(), "first call, the 401, the retry");
    }

    /** A 404 from the Hub is a not_found error with status 404 and the Hub's message. */
    public void notFound(String action, String json, String method, String path) {
        FakeResponse answer = scimToken != null && path.startsWith("/v2/scim/")
            ? scimError(404, null, "object not found")
            : FakeResponse.json(404, "{\"message\":\"object not found\",\"errinfo\":{}}");
        hub.on(method, path).respond(answer);
        Result r = call(action, json);
        isTrue(r.isError(), () -> "expected not_found, got " + envelope(r));
        equal(ErrorType.NOT_FOUND, r.error().type(), "error type");
        equal(404, r.error().statusCode(), "status code");
        ObjectNode env = envelope(r);
        equal("not_found", env.path("error").path("type").asText(), "envelope error type");
        equal(404, env.path("error").path("status_code").asInt(), "envelope status_code");
        isTrue(message(env).contains("object not found"), () -> "the Hub's message is kept: " + env);
    }

    /** A 429 (Retry-After: 0) is retried once and the second answer is returned; returns the data. */
    public JsonNode retriesAfter429(String action, String json, String method, String path, FakeResponse success) {
        hub.on(method, path).once(FakeResponse.tooManyRequests(0)).respond(success);
        JsonNode data = ok(action, json);
        equal(2, hub.requests(method, path).size(), "the 429 and the retry");
        return data;
    }

    /** Refused by the destructive gate (this fixture's harness must refuse them), with nothing sent. */
    public void refusedAsDestructive(String action, String json) {
        Result r = call(action, json);
        isTrue(r.isError(), () -> action + " should be refused without DOCKERHUB_ALLOW_DESTRUCTIVE");
        equal(ErrorType.DESTRUCTIVE_REFUSED, r.error().type(), "error type");
        isTrue(r.error().message().contains("DOCKERHUB_ALLOW_DESTRUCTIVE"), () -> r.error().message());
        equal("destructive_refused", envelope(r).path("error").path("type").asText(), "envelope error type");
        equal(List.of(), hub.requestLines(), "no request may be sent");
    }

    /** The error message of an envelope ("" when none). */
    public static String message(JsonNode envelope) {
        return envelope.path("error").path("message").asText();
    }

    /** Asserts the envelope is an error of this type. */
    public static void assertError(JsonNode envelope, String type) {
        equal(type, envelope.path("error").path("type").asText(), "error type in " + envelope);
    }

    /** Asserts the envelope is a success. */
    public static void assertOk(JsonNode envelope) {
        isTrue(!envelope.has("error"), () -> "expected success, got " + envelope);
    }

    public static void assertQuery(RecordedRequest r, String name, String value) {
        equal(value, r.queryParam(name).orElse(null), name + " in " + r);
    }

    public static void assertNoQuery(RecordedRequest r) {
        equal("", r.query(), "no query expected: " + r);
    }

    public static void assertBearer(RecordedRequest r) {
        isTrue(r.bearer().isPresent(), () -> "expected a bearer on " + r);
    }

    /** A request's whole query, decoded, in order. */
    public static Map<String, String> queryOf(RecordedRequest r) {
        Map<String, String> q = new LinkedHashMap<>();
        if (!r.query().isEmpty()) {
            for (String pair : r.query().split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    /** Parses JSON text (a test's literal). */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** A SCIM answer: the JSON with {@code Content-Type: application/scim+json}. */
    public static FakeResponse scimJson(int status, String json) {
        return FakeResponse.json(status, json).withHeader("Content-Type", SCIM_MEDIA_TYPE);
    }

    /** A SCIM error (RFC 7644 §3.12): status, optional scimType, detail. */
    public static FakeResponse scimError(int status, String scimType, String detail) {
        ObjectNode e = JSON.createObjectNode();
        e.putArray("schemas").add(SCIM_ERROR_SCHEMA);
        e.put("status", String.valueOf(status));
        if (scimType != null) {
            e.put("scimType", scimType);
        }
        e.put("detail", detail);
        return scimJson(status, e.toString());
    }

    @Override
    public void close() {
        harness.close();
        hub.close();
    }
}
