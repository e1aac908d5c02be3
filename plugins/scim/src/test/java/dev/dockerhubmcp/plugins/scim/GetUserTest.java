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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class GetUserTest {
    static final String ID = "d80f7c79-7730-49d8-9a41-7c42fb622d9c";

    private final HubFixture f = HubFixture.builder(new ScimPlugin()).scim().allowDestructive(true).build();

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new ScimPlugin(), "get_user")
            .success(success())
            .invalid(invalid())
            .check(GetUserTest::checkSuccess)
            .scim()
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"id\":\"" + ID + "\"}", "GET", "/v2/scim/2.0/Users/" + ID, scimJson(200, ListUsersTest.USER));
    }

    static Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "id"), new Bad("{\"id\":\"jonsnow\"}", "id"),
            new Bad("{\"id\":\"" + ID + "\",\"userName\":\"x@y.z\"}", "userName"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals("jonsnow", env.path("data").path("displayName").asText());
        assertFalse(env.path("data").has("meta"));
        assertFalse(env.path("data").has("emails"));
    }

    @Test
    void verboseIsRaw() {
        f.hub().on("GET", "/v2/scim/2.0/Users/" + ID).respond(scimJson(200, ListUsersTest.USER));
        assertEquals(parse(ListUsersTest.USER), f.envelope("get_user", "{\"id\":\"" + ID + "\",\"verbose\":true}").path("data"));
    }
}
