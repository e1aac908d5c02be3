package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class UpdateSettingsTest {
    static final String RI = "{\"enabled\":true,\"allow_official_images\":true,\"allow_verified_publishers\":false}";

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new OrgPlugin(), "update_settings")
            .success(success())
            .invalid(invalid())
            .check(UpdateSettingsTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\",\"restricted_images\":" + RI + "}", "PUT", "/v2/orgs/acme/settings",
                FakeResponse.json(200, "{\"restricted_images\":" + RI + "}"))
            .body("{\"restricted_images\":" + RI + "}");
    }

    static Stream<Bad> invalid() {
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

    static void checkSuccess(JsonNode env) {
        assertFalse(env.path("data").path("restricted_images").path("allow_verified_publishers").asBoolean(true));
    }
}
