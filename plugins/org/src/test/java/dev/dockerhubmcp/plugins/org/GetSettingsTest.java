package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class GetSettingsTest {
    static final String SETTINGS = "{\"restricted_images\":{\"enabled\":true,\"allow_official_images\":true,"
        + "\"allow_verified_publishers\":false}}";

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new OrgPlugin(), "get_settings")
            .success(success())
            .invalid(invalid())
            .check(GetSettingsTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\"}", "GET", "/v2/orgs/acme/settings", FakeResponse.json(200, SETTINGS));
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{}", "org"),
            new Bad("{\"org\":\"Acme\"}", "org"),
            new Bad("{\"org\":\"acme/x\"}", "org"),
            new Bad("{\"org\":\"acme\",\"extra\":1}", "extra"));
    }

    static void checkSuccess(JsonNode env) {
        assertTrue(env.path("data").path("restricted_images").path("enabled").asBoolean());
    }
}
