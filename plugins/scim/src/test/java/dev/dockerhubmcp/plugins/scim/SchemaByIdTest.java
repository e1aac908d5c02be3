package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaByIdTest extends ScimActionTest {
    @Override
    String action() {
        return "schema";
    }

    @Override
    Call success() {
        return Call.of("{\"id\":\"urn:ietf:params:scim:schemas:core:2.0:User\"}", "GET",
            "/v2/scim/2.0/Schemas/urn%3Aietf%3Aparams%3Ascim%3Aschemas%3Acore%3A2.0%3AUser",
            scim(200, SchemasTest.USER_SCHEMA));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "id"), new Bad("{\"id\":\"User\"}", "id"),
            new Bad("{\"id\":\"urn:x/../../Users\"}", "id"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        JsonNode attrs = env.path("data").path("attributes");
        assertEquals(parse("{\"name\":\"userName\",\"type\":\"string\",\"required\":true,\"multiValued\":false,"
            + "\"mutability\":\"readWrite\"}"), attrs.get(0));
        assertEquals(parse("[\"givenName\",\"familyName\"]"), attrs.get(1).path("subAttributes"));
    }

    @Test
    void verboseIsRaw() {
        hub.on("GET", success().path()).respond(scim(200, SchemasTest.USER_SCHEMA));
        assertEquals(parse(SchemasTest.USER_SCHEMA), call("{\"id\":\"urn:ietf:params:scim:schemas:core:2.0:User\","
            + "\"verbose\":true}").path("data"));
    }
}
