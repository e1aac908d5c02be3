package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHub;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table every SCIM action is held to, against FakeHub through the real clients and runner: the exact request on
 * success (application/scim+json both ways, the SCIM bearer, never a Hub JWT); each validation failure refused
 * before any request; no SCIM token → a clear error naming DOCKERHUB_SCIM_TOKEN and nothing sent; a refused SCIM
 * token → 401 without any JWT re-mint; 404 and SCIM errors mapped with their scimType; 429 → retry → success;
 * destructive calls refused without DOCKERHUB_ALLOW_DESTRUCTIVE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScimActionTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "scim-token-t";
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String MEDIA = "application/scim+json";

    /** One call and the exact request it must produce, with the answer the fake gives. */
    record Call(String args, String method, String path, Map<String, String> query, String body,
                FakeResponse response) {
        static Call of(String args, String method, String path, FakeResponse response) {
            return new Call(args, method, path, Map.of(), null, response);
        }

        Call query(String... pairs) {
            Map<String, String> q = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                q.put(pairs[i], pairs[i + 1]);
            }
            return new Call(args, method, path, q, body, response);
        }

        Call body(String json) {
            return new Call(args, method, path, query, json, response);
        }
    }

    /** A bad call: its arguments and the field the refusal must name. */
    record Bad(String args, String field) {
        @Override
        public String toString() {
            return field + " <- " + args;
        }
    }

    protected FakeHub hub;

    abstract String action();

    abstract Call success();

    Stream<Bad> invalid() {
        return Stream.of();
    }

    /** Arguments that make the call destructive, or null when it never is. */
    String destructiveArgs() {
        return null;
    }

    void checkSuccess(JsonNode envelope) {
    }

    static FakeResponse scim(int status, String json) {
        return FakeResponse.json(status, json).withHeader("Content-Type", MEDIA);
    }

    static FakeResponse scimError(int status, String scimType, String detail) {
        return scim(status, "{\"schemas\":[\"" + ERROR_SCHEMA + "\"],\"status\":\"" + status + "\""
            + (scimType == null ? "" : ",\"scimType\":\"" + scimType + "\"") + ",\"detail\":\"" + detail + "\"}");
    }

    @BeforeEach
    void startHub() {
        hub = FakeHub.start().user("alice", "dckr_pat_x").scimToken(TOKEN);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    Action actionDef() {
        return new ScimPlugin().actions().stream().filter(a -> a.name().equals(action())).findFirst().orElseThrow();
    }

    JsonNode call(String args) {
        return call(args, TOKEN, true);
    }

    /** Runs the action with Hub credentials configured too, so a test sees that SCIM never uses them. */
    JsonNode call(String args, String scimToken, boolean allowDestructive) {
        try (ActionHarness h = ActionHarness.builder().hub(hub.url()).credentials("alice", "dckr_pat_x")
            .scimToken(scimToken).allowDestructive(allowDestructive).build()) {
            Result r = h.call(new ScimPlugin(), action(), args);
            return h.envelope(r);
        }
    }

    static Map<String, String> queryOf(RecordedRequest r) {
        Map<String, String> q = new LinkedHashMap<>();
        if (!r.query().isEmpty()) {
            for (String pair : r.query().split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static void assertOk(JsonNode envelope) {
        assertFalse(envelope.has("error"), () -> "expected success, got " + envelope);
    }

    static void assertError(JsonNode envelope, String type) {
        assertEquals(type, envelope.path("error").path("type").asText(), () -> "envelope: " + envelope);
    }

    String message(JsonNode envelope) {
        return envelope.path("error").path("message").asText();
    }

    @Test
    void successSendsTheExactScimRequest() {
        Call c = success();
        hub.on(c.method(), c.path()).respond(c.response());
        JsonNode env = call(c.args());
        assertOk(env);
        assertEquals(1, hub.requests().size(), () -> "requests: " + hub.requestLines());
        RecordedRequest r = hub.lastRequest();
        assertEquals(c.method(), r.method());
        assertEquals(c.path(), r.path());
        assertEquals(c.query(), queryOf(r));
        if (c.body() == null) {
            assertEquals(0, r.body().length, () -> "unexpected body " + r.bodyText());
        } else {
            assertEquals(parse(c.body()), r.json(), "body");
            assertEquals(MEDIA, r.header("content-type").orElse(null));
        }
        assertEquals(MEDIA, r.header("accept").orElse(null));
        assertEquals(TOKEN, r.bearer().orElse(null), "the SCIM token, not a Hub JWT");
        assertEquals(0, hub.mintCount(), "no Hub JWT is minted for SCIM");
        assertEquals(c.response().status(), env.path("status_code").asInt());
        checkSuccess(env);
    }

    Stream<Bad> invalidCases() {
        return invalid();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void refusesBadArgumentsBeforeTheNetwork(Bad bad) {
        JsonNode env = call(bad.args());
        assertError(env, "validation");
        assertTrue(message(env).contains("'" + bad.field()), () -> "must name '" + bad.field() + "': " + env);
        assertEquals(List.of(), hub.requestLines(), "nothing may be sent");
    }

    @Test
    void withoutScimTokenSaysWhatToSetAndSendsNothing() {
        JsonNode env = call(success().args(), null, true);
        assertError(env, "unauthorized");
        assertTrue(message(env).contains("DOCKERHUB_SCIM_TOKEN"), env::toString);
        assertEquals(List.of(), hub.requestLines(), "nothing may be sent, not even a JWT mint");
    }

    @Test
    void refusedScimTokenIsUnauthorizedWithoutJwtReMint() {
        Call c = success();
        hub.on(c.method(), c.path()).respond(c.response());
        JsonNode env = call(c.args(), "stale-token", true);
        assertError(env, "unauthorized");
        assertEquals(401, env.path("error").path("status_code").asInt());
        assertTrue(message(env).contains("DOCKERHUB_SCIM_TOKEN"), env::toString);
        assertTrue(message(env).contains("invalid SCIM token"), "the SCIM detail is the message: " + env);
        assertEquals(1, hub.requests().size(), "one attempt, no retry");
        assertEquals(0, hub.mintCount());
    }

    @Test
    void notFoundIsTyped() {
        Call c = success();
        hub.on(c.method(), c.path()).respond(scimError(404, null, "User not found"));
        JsonNode env = call(c.args());
        assertError(env, "not_found");
        assertEquals(404, env.path("error").path("status_code").asInt());
        assertTrue(message(env).contains("User not found"), env::toString);
    }

    @Test
    void scimErrorKeepsDetailAndScimType() {
        Call c = success();
        hub.on(c.method(), c.path()).respond(scimError(400, "invalidValue", "A required value was missing"));
        JsonNode env = call(c.args());
        assertError(env, "validation");
        assertTrue(message(env).contains("A required value was missing"), env::toString);
        assertTrue(message(env).contains("scimType: invalidValue"), env::toString);
        assertEquals("invalidValue", env.path("error").path("details").path("scimType").asText());
    }

    @Test
    void retriesAfter429() {
        Call c = success();
        hub.on(c.method(), c.path()).once(FakeResponse.tooManyRequests(0)).respond(c.response());
        assertOk(call(c.args()));
        assertEquals(2, hub.requests(c.method(), c.path()).size());
    }

    @Test
    void destructiveGate() {
        Call c = success();
        hub.on(c.method(), c.path()).respond(c.response());
        String args = destructiveArgs();
        if (args == null) {
            assertTrue(actionDef().effect() != Effect.DESTRUCTIVE);
            assertOk(call(c.args(), TOKEN, false));
            return;
        }
        JsonNode env = call(args, TOKEN, false);
        assertError(env, "destructive_refused");
        assertTrue(message(env).contains("DOCKERHUB_ALLOW_DESTRUCTIVE"), env::toString);
        assertEquals(List.of(), hub.requestLines(), "nothing may be sent");
    }
}
