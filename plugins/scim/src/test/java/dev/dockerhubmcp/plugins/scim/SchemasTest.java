package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static dev.dockerhubmcp.testkit.hub.HubFixture.parse;
import static dev.dockerhubmcp.testkit.hub.HubFixture.scimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class SchemasTest {
    static final String USER_SCHEMA = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Schema\"],\"id\":"
        + "\"urn:ietf:params:scim:schemas:core:2.0:User\",\"name\":\"User\",\"description\":\"User Account\","
        + "\"attributes\":[{\"name\":\"userName\",\"type\":\"string\",\"multiValued\":false,\"required\":true,"
        + "\"caseExact\":false,\"mutability\":\"readWrite\",\"returned\":\"default\",\"uniqueness\":\"server\"},"
        + "{\"name\":\"name\",\"type\":\"complex\",\"multiValued\":false,\"required\":false,\"mutability\":"
        + "\"readWrite\",\"subAttributes\":[{\"name\":\"givenName\",\"type\":\"string\"},{\"name\":\"familyName\","
        + "\"type\":\"string\"}]}]}";

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new ScimPlugin(), "schemas")
            .success(success())
            .invalid(invalid())
            .check(SchemasTest::checkSuccess)
            .scim()
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{}", "GET", "/v2/scim/2.0/Schemas", scimJson(200, "{\"totalResults\":1,\"resources\":["
            + USER_SCHEMA + "]}"));
    }

    static Stream<Bad> invalid() {
        return Stream.of(new Bad("{\"id\":\"x\"}", "id"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals(parse("{\"id\":\"urn:ietf:params:scim:schemas:core:2.0:User\",\"name\":\"User\","
            + "\"description\":\"User Account\",\"attributes\":[\"userName\",\"name\"]}"),
            env.path("data").path("items").get(0));
    }
}
