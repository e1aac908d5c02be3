package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

class GetSettingsTest extends HubActionTest {
    static final String SETTINGS = "{\"restricted_images\":{\"enabled\":true,\"allow_official_images\":true,"
        + "\"allow_verified_publishers\":false}}";

    @Override
    DockerHubPlugin plugin() {
        return new OrgPlugin();
    }

    @Override
    String action() {
        return "get_settings";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\"}", "GET", "/v2/orgs/acme/settings", FakeResponse.json(200, SETTINGS));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{}", "org"),
            new Bad("{\"org\":\"Acme\"}", "org"),
            new Bad("{\"org\":\"acme/x\"}", "org"),
            new Bad("{\"org\":\"acme\",\"extra\":1}", "extra"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertTrue(env.path("data").path("restricted_images").path("enabled").asBoolean());
    }
}
