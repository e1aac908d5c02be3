package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreateUserTest extends ScimActionTest {
    @Override
    String action() {
        return "create_user";
    }

    @Override
    Call success() {
        return Call.of("{\"userName\":\"jon.snow@docker.com\",\"name\":{\"givenName\":\"Jon\","
                + "\"familyName\":\"Snow\"}}", "POST", "/v2/scim/2.0/Users", scim(201, ListUsersTest.USER))
            .body("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"jon.snow@docker.com\","
                + "\"name\":{\"givenName\":\"Jon\",\"familyName\":\"Snow\"}}");
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{}", "userName"),
            new Bad("{\"userName\":\"jonsnow\"}", "userName"),
            new Bad("{\"userName\":\"jon@docker.com\",\"name\":\"Jon Snow\"}", "name"),
            new Bad("{\"userName\":\"jon@docker.com\",\"name\":{\"first\":\"Jon\"}}", "first"),
            new Bad("{\"userName\":\"jon@docker.com\",\"name\":{\"givenName\":\"\"}}", "name.givenName"),
            new Bad("{\"userName\":\"jon@docker.com\",\"active\":true}", "active"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals(201, env.path("status_code").asInt());
        assertEquals("d80f7c79-7730-49d8-9a41-7c42fb622d9c", env.path("data").path("id").asText());
    }

    @Test
    void nameIsOptional() {
        hub.on("POST", "/v2/scim/2.0/Users").respond(scim(201, ListUsersTest.USER));
        call("{\"userName\":\"jon.snow@docker.com\"}");
        assertEquals(parse("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"jon.snow@docker.com\"}"), hub.lastRequest().json());
    }

    @Test
    void conflictKeepsScimType() {
        hub.on("POST", "/v2/scim/2.0/Users").respond(scimError(409, "uniqueness", "User already exists"));
        JsonNode env = call("{\"userName\":\"jon.snow@docker.com\"}");
        assertError(env, "conflict");
        assertTrue(message(env).contains("User already exists (scimType: uniqueness)"), env::toString);
    }
}
