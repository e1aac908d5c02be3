package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.testkit.registry.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.dockerhubmcp.plugins.registry.Fixture.call;
import static dev.dockerhubmcp.plugins.registry.Fixture.codes;
import static dev.dockerhubmcp.plugins.registry.Fixture.failed;
import static dev.dockerhubmcp.plugins.registry.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GetConfigTest {
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
    void picksTheAskedPlatformElseLinuxAmd64() {
        TestImages.Image arm = TestImages.image("linux/arm64/v8", "b");
        TestImages.Image amd = TestImages.image("linux/amd64", "a");
        TestImages.push(f.client(), "team/config", "multi", TestImages.index(false, true, arm, amd));

        JsonNode chosen = ok(call(f.alice(), "get_config", "repository", "team/config", "reference", "multi",
            "platform", "linux/arm64/v8"));
        assertEquals("linux/arm64/v8", chosen.path("platform").asText());
        assertEquals(arm.config().digest(), chosen.path("config_digest").asText());
        assertEquals(arm.manifest().digest(), chosen.path("manifest_digest").asText());
        assertEquals("PLATFORM=linux/arm64/v8", chosen.path("config").path("config").path("Env").get(1).asText());

        JsonNode byDefault = ok(call(f.alice(), "get_config", "repository", "team/config", "reference", "multi"));
        assertEquals("linux/amd64", byDefault.path("platform").asText(), "default is linux/amd64 even if not first");

        JsonNode armWithoutVariant = ok(call(f.alice(), "get_config", "repository", "team/config",
            "reference", "multi", "platform", "linux/arm64"));
        assertEquals(arm.config().digest(), armWithoutVariant.path("config_digest").asText());
    }

    @Test
    void firstPlatformWhenThereIsNoAmd64AndNotFoundForAMissingOne() {
        TestImages.push(f.client(), "team/config", "armonly", TestImages.index(false, false,
            TestImages.image("linux/arm/v7", "x"), TestImages.image("linux/s390x", "y")));
        assertEquals("linux/arm/v7", ok(call(f.alice(), "get_config", "repository", "team/config",
            "reference", "armonly")).path("platform").asText());
        var e = failed(call(f.alice(), "get_config", "repository", "team/config", "reference", "armonly",
            "platform", "windows/amd64"));
        assertEquals(ErrorType.NOT_FOUND, e.type());
        assertTrue(e.message().contains("linux/s390x"), "names what is available: " + e.message());
    }
}
