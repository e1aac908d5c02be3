package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static dev.dockerhubmcp.testkit.hub.HubFixture.scimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class ResourceTypeTest {
    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new ScimPlugin(), "resource_type")
            .success(success())
            .invalid(invalid())
            .check(ResourceTypeTest::checkSuccess)
            .scim()
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"name\":\"User\"}", "GET", "/v2/scim/2.0/ResourceTypes/User",
            scimJson(200, ResourceTypesTest.TYPE));
    }

    static Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "name"), new Bad("{\"name\":\"../Users\"}", "name"),
            new Bad("{\"name\":\"User Type\"}", "name"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:User", env.path("data").path("schema").asText());
        assertFalse(env.path("data").has("schemas"), "compact drops the SCIM envelope URNs");
    }
}
