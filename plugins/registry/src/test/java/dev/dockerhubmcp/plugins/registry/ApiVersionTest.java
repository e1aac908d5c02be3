package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.dockerhubmcp.plugins.registry.Fixture.call;
import static dev.dockerhubmcp.plugins.registry.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiVersionTest {
    static Fixture f;

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void answersTheVersionForAUserAndForAnonymousCallers() {
        JsonNode asAlice = ok(call(f.alice(), "api_version"));
        assertTrue(asAlice.path("supported").asBoolean());
        assertEquals("registry/2.0", asAlice.path("api_version").asText());
        JsonNode anonymous = ok(call(f.as(null, false), "api_version"));
        assertTrue(anonymous.path("supported").asBoolean(), "an anonymous token without scope opens /v2/");
    }

    @Test
    void wrongPasswordIsUnauthorizedAndNamesTheTokenService() {
        var h = dev.dockerhubmcp.testkit.ActionHarness.builder().registry(f.registry.url())
            .registryAuth(f.tokens.realm()).registryCredentials("alice", "wrong").build();
        try (h) {
            var e = Fixture.failed(call(h, "api_version"));
            assertEquals(dev.dockerhubmcp.api.ErrorType.UNAUTHORIZED, e.type());
            assertTrue(e.message().contains("token service") && e.message().contains("alice"), e.message());
        }
    }
}
