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

import static dev.dockerhubmcp.testkit.hub.HubFixture.assertError;
import static dev.dockerhubmcp.testkit.hub.HubFixture.message;
import static dev.dockerhubmcp.testkit.hub.HubFixture.parse;
import static dev.dockerhubmcp.testkit.hub.HubFixture.scimError;
import static dev.dockerhubmcp.testkit.hub.HubFixture.scimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class CreateUserTest {
    private final HubFixture f = HubFixture.builder(new ScimPlugin()).scim().allowDestructive(true).build();

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new ScimPlugin(), "create_user")
            .success(success())
            .invalid(invalid())
            .check(CreateUserTest::checkSuccess)
            .scim()
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"userName\":\"jon.snow@docker.com\",\"name\":{\"givenName\":\"Jon\","
                + "\"familyName\":\"Snow\"}}", "POST", "/v2/scim/2.0/Users", scimJson(201, ListUsersTest.USER))
            .body("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"jon.snow@docker.com\","
                + "\"name\":{\"givenName\":\"Jon\",\"familyName\":\"Snow\"}}");
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{}", "userName"),
            new Bad("{\"userName\":\"jonsnow\"}", "userName"),
            new Bad("{\"userName\":\"jon@docker.com\",\"name\":\"Jon Snow\"}", "name"),
            new Bad("{\"userName\":\"jon@docker.com\",\"name\":{\"first\":\"Jon\"}}", "first"),
            new Bad("{\"userName\":\"jon@docker.com\",\"name\":{\"givenName\":\"\"}}", "name.givenName"),
            new Bad("{\"userName\":\"jon@docker.com\",\"active\":true}", "active"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals(201, env.path("status_code").asInt());
        assertEquals("d80f7c79-7730-49d8-9a41-7c42fb622d9c", env.path("data").path("id").asText());
    }

    @Test
    void nameIsOptional() {
        f.hub().on("POST", "/v2/scim/2.0/Users").respond(scimJson(201, ListUsersTest.USER));
        f.envelope("create_user", "{\"userName\":\"jon.snow@docker.com\"}");
        assertEquals(parse("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"jon.snow@docker.com\"}"), f.hub().lastRequest().json());
    }

    @Test
    void conflictKeepsScimType() {
        f.hub().on("POST", "/v2/scim/2.0/Users").respond(scimError(409, "uniqueness", "User already exists"));
        JsonNode env = f.envelope("create_user", "{\"userName\":\"jon.snow@docker.com\"}");
        assertError(env, "conflict");
        assertTrue(message(env).contains("User already exists (scimType: uniqueness)"), env::toString);
    }
}
