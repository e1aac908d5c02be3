package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static dev.dockerhubmcp.testkit.hub.HubFixture.parse;
import static dev.dockerhubmcp.testkit.hub.HubFixture.scimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class ResourceTypesTest {
    static final String TYPE = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ResourceType\"],\"id\":\"User\","
        + "\"name\":\"User\",\"description\":\"User\",\"endpoint\":\"/Users\",\"schema\":"
        + "\"urn:ietf:params:scim:schemas:core:2.0:User\"}";

    private final HubFixture f = HubFixture.builder(new ScimPlugin()).scim().allowDestructive(true).build();

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new ScimPlugin(), "resource_types")
            .success(success())
            .invalid(invalid())
            .check(ResourceTypesTest::checkSuccess)
            .scim()
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{}", "GET", "/v2/scim/2.0/ResourceTypes", scimJson(200, "{\"schemas\":["
            + "\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":1,\"resources\":[" + TYPE
            + "]}"));
    }

    static Stream<Bad> invalid() {
        return Stream.of(new Bad("{\"name\":\"User\"}", "name"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals(1, env.path("data").path("totalResults").asInt());
        assertEquals(parse("{\"id\":\"User\",\"name\":\"User\",\"description\":\"User\",\"endpoint\":\"/Users\","
            + "\"schema\":\"urn:ietf:params:scim:schemas:core:2.0:User\"}"), env.path("data").path("items").get(0));
    }

    @Test
    void readsTheRfcSpellingOfResources() {
        f.hub().on("GET", "/v2/scim/2.0/ResourceTypes").respond(scimJson(200, "{\"totalResults\":1,\"Resources\":[" + TYPE
            + "]}"));
        assertEquals("/Users", f.envelope("resource_types", "{}").path("data").path("items").get(0).path("endpoint").asText());
    }
}
