package dev.dockerhubmcp.plugins.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHub;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhoAmITest {
    private static final String SECRET = "dckr_pat_WhoAmISecret42";

    @Test
    void authenticatedWithAPat() {
        try (FakeHub hub = FakeHub.start().user("alice", SECRET).tokenLifetime(Duration.ofMinutes(10));
             ActionHarness h = ActionHarness.builder().hub(hub.url()).credentials("alice", SECRET).build()) {
            Result r = h.call(new AdminPlugin(), "whoami", "{}");
            JsonNode env = h.envelope(r);
            JsonNode data = env.get("data");
            assertTrue(data.get("authenticated").asBoolean());
            assertEquals("alice", data.get("identity").asText());
            assertEquals("test", data.get("credential_source").asText());
            assertEquals("pat", data.get("credential_kind").asText());
            long left = data.get("expires_in_seconds").asLong();
            assertTrue(left > 500 && left <= 600, "" + left);
            assertTrue(Instant.parse(data.get("expires_at").asText()).isAfter(Instant.now()));
            JsonNode claims = data.get("claims");
            assertEquals("alice", claims.get("username").asText());
            assertEquals("fake-hub", claims.get("iss").asText());
            assertFalse(claims.has("jti"), "only identifying claims");
            AdminFixture.assertNoSecret(env, SECRET);
            assertEquals(1, hub.mintCount());
            assertEquals(1, hub.requests().size(), "one mint, no API call");
            h.call(new AdminPlugin(), "whoami", "{}");
            assertEquals(1, hub.requests().size(), "the cached token answers the second time");
        }
    }

    @Test
    void dockerhubJwtNeedsNoRequest() {
        try (FakeHub hub = FakeHub.start()) {
            String jwt = hub.issueToken("bob", Duration.ofMinutes(5));
            try (ActionHarness h = ActionHarness.builder().hub(hub.url()).jwt(jwt).build()) {
                Result r = h.call(new AdminPlugin(), "whoami", "{}");
                JsonNode env = h.envelope(r);
                JsonNode data = env.get("data");
                assertEquals("bob", data.get("identity").asText());
                assertEquals("DOCKERHUB_JWT", data.get("credential_source").asText());
                assertEquals("jwt", data.get("credential_kind").asText());
                assertFalse(env.has("warnings"));
                AdminFixture.assertNoSecret(env, jwt);
                assertEquals(0, hub.requests().size());
            }
        }
    }

    @Test
    void expiredDockerhubJwtIsFlagged() {
        try (FakeHub hub = FakeHub.start()) {
            String jwt = hub.issueToken("bob", Duration.ofMinutes(5));
            Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
            try (ActionHarness h = ActionHarness.builder().hub(hub.url()).jwt(jwt).clock(later).build()) {
                Result r = h.call(new AdminPlugin(), "whoami", "{}");
                JsonNode env = h.envelope(r);
                assertTrue(env.get("data").get("expires_in_seconds").asLong() < 0);
                assertTrue(env.get("warnings").get(0).asText().contains("DOCKERHUB_JWT"), env.toString());
            }
        }
    }

    @Test
    void anonymousSaysHowToLogIn() {
        try (FakeHub hub = FakeHub.start(); ActionHarness h = ActionHarness.builder().hub(hub.url()).build()) {
            JsonNode data = AdminFixture.ok(h, h.call(new AdminPlugin(), "whoami", "{}"));
            assertFalse(data.get("authenticated").asBoolean());
            assertEquals("anonymous", data.get("credential_source").asText());
            assertTrue(data.get("how_to_log_in").asText().contains("DOCKER_HUB_USER"));
            assertFalse(data.has("identity"));
            assertEquals(0, hub.requests().size());
        }
    }

    @Test
    void refusedCredentialsAreUnauthorizedNamingTheIdentityOnly() {
        try (FakeHub hub = FakeHub.start().user("alice", "another");
             ActionHarness h = ActionHarness.builder().hub(hub.url()).credentials("alice", SECRET).build()) {
            JsonNode env = h.envelope(h.call(new AdminPlugin(), "whoami", "{}"));
            JsonNode err = env.get("error");
            assertEquals("unauthorized", err.get("type").asText());
            assertTrue(err.get("message").asText().contains("alice"), err.toString());
            AdminFixture.assertNoSecret(env, SECRET, "WhoAmISecret");
        }
    }

    @Test
    void unknownArgumentsAreRefusedBeforeAnyRequest() {
        try (FakeHub hub = FakeHub.start().user("alice", SECRET);
             ActionHarness h = ActionHarness.builder().hub(hub.url()).credentials("alice", SECRET).build()) {
            Result r = h.call(new AdminPlugin(), "whoami", "{\"user\":\"x\"}");
            assertEquals("validation", h.envelope(r).get("error").get("type").asText());
            assertEquals(0, hub.requests().size());
        }
    }
}
