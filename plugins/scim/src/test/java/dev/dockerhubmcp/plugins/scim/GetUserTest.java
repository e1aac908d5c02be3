package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class GetUserTest extends ScimActionTest {
    static final String ID = "d80f7c79-7730-49d8-9a41-7c42fb622d9c";

    @Override
    String action() {
        return "get_user";
    }

    @Override
    Call success() {
        return Call.of("{\"id\":\"" + ID + "\"}", "GET", "/v2/scim/2.0/Users/" + ID, scim(200, ListUsersTest.USER));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "id"), new Bad("{\"id\":\"jonsnow\"}", "id"),
            new Bad("{\"id\":\"" + ID + "\",\"userName\":\"x@y.z\"}", "userName"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals("jonsnow", env.path("data").path("displayName").asText());
        assertFalse(env.path("data").has("meta"));
        assertFalse(env.path("data").has("emails"));
    }

    @Test
    void verboseIsRaw() {
        hub.on("GET", "/v2/scim/2.0/Users/" + ID).respond(scim(200, ListUsersTest.USER));
        assertEquals(parse(ListUsersTest.USER), call("{\"id\":\"" + ID + "\",\"verbose\":true}").path("data"));
    }
}
