package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

class UpdateSettingsTest extends HubActionTest {
    static final String RI = "{\"enabled\":true,\"allow_official_images\":true,\"allow_verified_publishers\":false}";

    @Override
    DockerHubPlugin plugin() {
        return new OrgPlugin();
    }

    @Override
    String action() {
        return "update_settings";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"restricted_images\":" + RI + "}", "PUT", "/v2/orgs/acme/settings",
                FakeResponse.json(200, "{\"restricted_images\":" + RI + "}"))
            .body("{\"restricted_images\":" + RI + "}");
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"restricted_images\":" + RI + "}", "org"),
            new Bad("{\"org\":\"acme\"}", "restricted_images"),
            new Bad("{\"org\":\"acme\",\"restricted_images\":{\"enabled\":true,\"allow_official_images\":true}}",
                "restricted_images.allow_verified_publishers"),
            new Bad("{\"org\":\"acme\",\"restricted_images\":{\"enabled\":\"yes\",\"allow_official_images\":true,"
                + "\"allow_verified_publishers\":true}}", "restricted_images.enabled"),
            new Bad("{\"org\":\"acme\",\"restricted_images\":{\"enabled\":true,\"allow_official_images\":true,"
                + "\"allow_verified_publishers\":true,\"allow_everything\":true}}", "allow_everything"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertFalse(env.path("data").path("restricted_images").path("allow_verified_publishers").asBoolean(true));
    }
}
