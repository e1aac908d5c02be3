package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHub;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A FakeHub with user alice and a harness logged in as her, plus the checks every action's test repeats: refused
 * before the network, 401 then re-mint, 404, 429 then retry, destructive gate.
 */
final class HubFixture implements AutoCloseable {
    static final String USER = "alice";
    static final String PAT = "dckr_pat_fixture_secret";

    final FakeHub hub;
    final ActionHarness harness;
    final DockerHubPlugin plugin;

    private HubFixture(DockerHubPlugin plugin, boolean allowDestructive) {
        this.plugin = plugin;
        this.hub = FakeHub.start().user(USER, PAT);
        this.harness = ActionHarness.builder().hub(hub.url()).credentials(USER, PAT)
            .allowDestructive(allowDestructive).build();
    }

    static HubFixture start(DockerHubPlugin plugin) {
        return new HubFixture(plugin, false);
    }

    static HubFixture destructive(DockerHubPlugin plugin) {
        return new HubFixture(plugin, true);
    }

    Result call(String action, String json) {
        return harness.call(plugin, action, json);
    }

    /** Calls and asserts success; returns the envelope's data. */
    JsonNode ok(String action, String json) {
        Result r = call(action, json);
        assertFalse(r.isError(), () -> action + " failed: " + envelope(r));
        return envelope(r).get("data");
    }

    ObjectNode envelope(Result r) {
        return harness.envelope(r);
    }

    /** Requests other than the JWT mint. */
    List<RecordedRequest> apiRequests() {
        return hub.requests().stream().filter(r -> !r.path().equals("/v2/auth/token")).toList();
    }

    /** Asserts exactly one API request was sent and returns it. */
    RecordedRequest onlyRequest() {
        List<RecordedRequest> all = apiRequests();
        assertEquals(1, all.size(), () -> "expected one request, got " + all);
        return all.get(0);
    }

    /** The arguments are refused by validation, the message names the field, and nothing reaches the Hub. */
    void refusedBeforeNetwork(String action, String json, String field) {
        Result r = call(action, json);
        assertTrue(r.isError(), () -> action + " " + json + " should be refused");
        assertEquals(ErrorType.VALIDATION, r.error().type(), r.error().message());
        assertTrue(r.error().message().contains(field), () -> "message should name " + field + ": "
            + r.error().message());
        assertEquals(List.of(), hub.requests(), "no request may be sent");
    }

    /** The route must be scripted with a success; the JWT then expires: one 401, one re-mint, one retry, success. */
    void reMintsAfter401(String action, String json, String method, String path) {
        ok(action, json);
        int before = hub.mintCount();
        hub.expireTokens();
        ok(action, json);
        assertEquals(before + 1, hub.mintCount(), "one re-mint");
        assertEquals(3, hub.requests(method, path).size(), "first call, the 401, the retry");
    }

    /** A 404 from the Hub is a not_found error with status 404. */
    void notFound(String action, String json, String method, String path) {
        hub.on(method, path).respond(404, "{\"message\":\"object not found\",\"errinfo\":{}}");
        Result r = call(action, json);
        assertTrue(r.isError(), () -> "expected not_found, got " + envelope(r));
        assertEquals(ErrorType.NOT_FOUND, r.error().type());
        assertEquals(404, r.error().statusCode());
        assertEquals("not_found", envelope(r).path("error").path("type").asText());
    }

    /** A 429 (Retry-After: 0) is retried once and the second answer is returned. */
    JsonNode retriesAfter429(String action, String json, String method, String path, FakeResponse success) {
        hub.on(method, path).once(FakeResponse.tooManyRequests(0)).respond(success);
        JsonNode data = ok(action, json);
        assertEquals(2, hub.requests(method, path).size(), "the 429 and the retry");
        return data;
    }

    /** Refused by the destructive gate, with nothing sent. */
    void refusedAsDestructive(String action, String json) {
        Result r = call(action, json);
        assertTrue(r.isError(), () -> action + " should be refused without DOCKERHUB_ALLOW_DESTRUCTIVE");
        assertEquals(ErrorType.DESTRUCTIVE_REFUSED, r.error().type());
        assertTrue(r.error().message().contains("DOCKERHUB_ALLOW_DESTRUCTIVE"), r.error().message());
        assertEquals(List.of(), hub.requests());
    }

    static void assertQuery(RecordedRequest r, String name, String value) {
        assertEquals(value, r.queryParam(name).orElse(null), () -> name + " in " + r);
    }

    static void assertNoQuery(RecordedRequest r) {
        assertEquals("", r.query(), () -> "no query expected: " + r);
    }

    static void assertBearer(RecordedRequest r) {
        assertNotNull(r.bearer().orElse(null), () -> "expected a bearer on " + r);
    }

    @Override
    public void close() {
        harness.close();
        hub.close();
    }
}
