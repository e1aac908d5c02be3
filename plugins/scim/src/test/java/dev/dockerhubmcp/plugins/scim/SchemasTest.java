package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemasTest extends ScimActionTest {
    static final String USER_SCHEMA = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Schema\"],\"id\":"
        + "\"urn:ietf:params:scim:schemas:core:2.0:User\",\"name\":\"User\",\"description\":\"User Account\","
        + "\"attributes\":[{\"name\":\"userName\",\"type\":\"string\",\"multiValued\":false,\"required\":true,"
        + "\"caseExact\":false,\"mutability\":\"readWrite\",\"returned\":\"default\",\"uniqueness\":\"server\"},"
        + "{\"name\":\"name\",\"type\":\"complex\",\"multiValued\":false,\"required\":false,\"mutability\":"
        + "\"readWrite\",\"subAttributes\":[{\"name\":\"givenName\",\"type\":\"string\"},{\"name\":\"familyName\","
        + "\"type\":\"string\"}]}]}";

    @Override
    String action() {
        return "schemas";
    }

    @Override
    Call success() {
        return Call.of("{}", "GET", "/v2/scim/2.0/Schemas", scim(200, "{\"totalResults\":1,\"resources\":["
            + USER_SCHEMA + "]}"));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(new Bad("{\"id\":\"x\"}", "id"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals(parse("{\"id\":\"urn:ietf:params:scim:schemas:core:2.0:User\",\"name\":\"User\","
            + "\"description\":\"User Account\",\"attributes\":[\"userName\",\"name\"]}"),
            env.path("data").path("items").get(0));
    }
}
