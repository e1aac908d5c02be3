package dev.dockerhubmcp.plugins.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitTest {
    /** Another tool whose call goes to the Hub: its answer's headers must show up in hub_admin rate_limit. */
    private static final DockerHubPlugin OTHER = new DockerHubPlugin() {
        @Override
        public String id() {
            return "other";
        }

        @Override
        public String description() {
            return "another tool";
        }

        @Override
        public List<Action> actions() {
            return List.of(Action.builder("list").description("lists repositories").effect(Effect.READ)
                .handler((args, ctx) -> Result.ok(ctx.hub().send(
                    HubRequest.get("/v2/namespaces/{}/repositories", "alice").build()).json()))
                .build());
        }
    };

    private final FakeHub hub = FakeHub.start().user("alice", "dckr_pat_x").rateLimit(180);
    private final ActionHarness h = ActionHarness.builder().hub(hub.url()).credentials("alice", "dckr_pat_x").build();

    @AfterEach
    void close() {
        h.close();
        hub.close();
    }

    @Test
    void nothingSeenYetSaysSoWithoutCallingAnything() {
        JsonNode data = AdminFixture.ok(h, h.call(new AdminPlugin(), "rate_limit", "{}"));
        assertFalse(data.get("hub").get("seen").asBoolean());
        assertTrue(data.get("hub").get("note").asText().contains("X-RateLimit"));
        assertFalse(data.get("registry").get("seen").asBoolean());
        assertTrue(data.get("registry").get("note").asText().contains("pull_quota"));
        assertEquals(0, hub.requests().size());
    }

    @Test
    void reflectsCallsMadeByOtherTools() {
        hub.on("GET", "/v2/namespaces/alice/repositories").respond(200, "{\"count\":0,\"results\":[]}");
        Result other = h.call(OTHER, "list", "{}");
        assertFalse(other.isError(), h.envelope(other).toString());
        int before = hub.requests().size();

        Result r = h.call(new AdminPlugin(), "rate_limit", "{}");
        JsonNode env = h.envelope(r);
        JsonNode hubView = env.get("data").get("hub");
        assertTrue(hubView.get("seen").asBoolean());
        assertEquals(180, hubView.get("limit").asLong());
        assertEquals(178, hubView.get("remaining").asLong(), "the mint and the other tool's call");
        assertTrue(hubView.get("reset_at").asText().endsWith("Z"));
        assertTrue(hubView.get("reset_in_seconds").asLong() > 3000);
        assertEquals(hubView.get("remaining"), env.get("rate_limit").get("remaining"),
            "the same figures as every envelope");
        assertEquals(before, hub.requests().size(), "rate_limit itself makes no request");
    }

    @Test
    void registryFiguresWithWindowAndSource() {
        Instant seen = Instant.parse("2030-05-01T10:00:00Z");
        Clock clock = Clock.fixed(seen.plusSeconds(90), ZoneOffset.UTC);
        try (ActionHarness timed = ActionHarness.builder().hub(hub.url()).clock(clock).build()) {
            timed.upstreams().rateLimits().recordRegistry(new RateLimits.Snapshot(100L, 76L, null, 21600L,
                "registry:203.0.113.9", seen));
            Result r = timed.call(new AdminPlugin(), "rate_limit", "{}");
            assertFalse(r.isError());
            JsonNode reg = timed.envelope(r).get("data").get("registry");
            assertTrue(reg.get("seen").asBoolean());
            assertEquals(100, reg.get("limit").asLong());
            assertEquals(76, reg.get("remaining").asLong());
            assertEquals(21600, reg.get("window_seconds").asLong());
            assertEquals("203.0.113.9", reg.get("source").asText());
            assertEquals("2030-05-01T10:00:00Z", reg.get("seen_at").asText());
            assertEquals(90, reg.get("seen_seconds_ago").asLong());
        }
    }

    @Test
    void unknownArgumentsAreRefused() {
        Result r = h.call(new AdminPlugin(), "rate_limit", "{\"service\":\"hub\"}");
        assertEquals("validation", h.envelope(r).get("error").get("type").asText());
    }
}
