package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHttpServer;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table every action of this plugin is held to, against FakeHub through the real clients and runner: the exact
 * request on success; each validation failure refused before any request; 401 → re-mint → success; 404;
 * 429 → retry → success; destructive calls refused without DOCKERHUB_ALLOW_DESTRUCTIVE.
 * A subclass gives the action, its happy call and its bad arguments, and may assert more about the answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HubActionTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String USER = "alice";
    static final String SECRET = "dckr_pat_test";

    /** One call and the exact request it must produce, with the answer the fake gives. */
    record Call(String args, String method, String path, Map<String, String> query, String body, String accept,
                FakeResponse response) {
        static Call of(String args, String method, String path, FakeResponse response) {
            return new Call(args, method, path, Map.of(), null, "application/json", response);
        }

        Call query(String... pairs) {
            Map<String, String> q = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                q.put(pairs[i], pairs[i + 1]);
            }
            return new Call(args, method, path, q, body, accept, response);
        }

        Call body(String json) {
            return new Call(args, method, path, query, json, accept, response);
        }

        Call accept(String type) {
            return new Call(args, method, path, query, body, type, response);
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

    abstract DockerHubPlugin plugin();

    abstract String action();

    abstract Call success();

    /** The argument sets refused before any request (default: none beyond the schema's own). */
    Stream<Bad> invalid() {
        return Stream.of();
    }

    /** Arguments that make the call destructive, or null when it never is. */
    String destructiveArgs() {
        return actionDef().effect() == Effect.DESTRUCTIVE ? success().args() : null;
    }

    /** More assertions on a successful answer's envelope. */
    void checkSuccess(JsonNode envelope) {
    }

    @BeforeEach
    void startHub() {
        hub = FakeHub.start().user(USER, SECRET);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    Action actionDef() {
        return plugin().actions().stream().filter(a -> a.name().equals(action())).findFirst().orElseThrow();
    }

    ActionHarness harness(boolean allowDestructive) {
        return ActionHarness.builder().hub(hub.url()).credentials(USER, SECRET).allowDestructive(allowDestructive)
            .build();
    }

    JsonNode call(String args) {
        return call(args, true);
    }

    JsonNode call(String args, boolean allowDestructive) {
        try (ActionHarness h = harness(allowDestructive)) {
            Result r = h.call(plugin(), action(), args);
            return h.envelope(r);
        }
    }

    FakeHttpServer.Route route(Call c) {
        return hub.on(c.method(), c.path());
    }

    /** Requests to the API, leaving out token mints. */
    List<RecordedRequest> apiRequests() {
        return hub.requests().stream().filter(r -> !r.path().equals("/v2/auth/token")).toList();
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

    @Test
    void successSendsTheExactRequest() {
        Call c = success();
        route(c).respond(c.response());
        JsonNode env = call(c.args());
        assertOk(env);
        List<RecordedRequest> sent = apiRequests();
        assertEquals(1, sent.size(), () -> "requests: " + hub.requestLines());
        RecordedRequest r = sent.get(0);
        assertEquals(c.method(), r.method());
        assertEquals(c.path(), r.path());
        assertEquals(c.query(), queryOf(r));
        if (c.body() == null) {
            assertEquals(0, r.body().length, () -> "unexpected body " + r.bodyText());
            assertTrue(r.header("content-type").isEmpty(), "no content type without a body");
        } else {
            assertEquals(parse(c.body()), r.json(), "body");
            assertEquals("application/json", r.header("content-type").orElse(null));
        }
        assertEquals(c.accept(), r.header("accept").orElse(null));
        assertTrue(r.bearer().orElse("").startsWith("eyJ"), "the Hub JWT is sent");
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
        String message = env.path("error").path("message").asText();
        assertTrue(message.contains("'" + bad.field()), () -> "message must name '" + bad.field() + "': " + message);
        assertEquals(List.of(), hub.requestLines(), "nothing may be sent");
    }

    @Test
    void reMintsOnceAfter401() {
        Call c = success();
        route(c).once(FakeResponse.json(401, "{\"message\":\"token expired\"}")).respond(c.response());
        JsonNode env = call(c.args());
        assertOk(env);
        assertEquals(2, hub.mintCount());
        assertEquals(2, hub.requests(c.method(), c.path()).size());
        assertNotNull(env.path("data"));
    }

    @Test
    void notFoundIsTyped() {
        Call c = success();
        route(c).respond(404, "{\"message\":\"organization not found\"}");
        JsonNode env = call(c.args());
        assertError(env, "not_found");
        assertEquals(404, env.path("error").path("status_code").asInt());
        assertTrue(env.path("error").path("message").asText().contains("organization not found"), env.toString());
    }

    @Test
    void retriesAfter429() {
        Call c = success();
        route(c).once(FakeResponse.tooManyRequests(0)).respond(c.response());
        JsonNode env = call(c.args());
        assertOk(env);
        assertEquals(2, hub.requests(c.method(), c.path()).size());
    }

    @Test
    void destructiveGate() {
        String args = destructiveArgs();
        Call c = success();
        route(c).respond(c.response());
        if (args == null) {
            assertOk(call(c.args(), false));
            return;
        }
        JsonNode env = call(args, false);
        assertError(env, "destructive_refused");
        assertTrue(env.path("error").path("message").asText().contains("DOCKERHUB_ALLOW_DESTRUCTIVE"));
        assertEquals(List.of(), hub.requestLines(), "nothing may be sent");
    }
}
