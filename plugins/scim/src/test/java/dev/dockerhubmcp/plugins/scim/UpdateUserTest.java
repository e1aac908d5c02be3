package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Stream;

import static dev.dockerhubmcp.testkit.hub.HubFixture.parse;
import static dev.dockerhubmcp.testkit.hub.HubFixture.scimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class UpdateUserTest {
    static final String ID = "d80f7c79-7730-49d8-9a41-7c42fb622d9c";
    static final String PATH = "/v2/scim/2.0/Users/" + ID;

    private final HubFixture f = HubFixture.builder(new ScimPlugin()).scim().allowDestructive(true).build();

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new ScimPlugin(), "update_user")
            .success(success())
            .invalid(invalid())
            .destructive(destructiveArgs())
            .check(UpdateUserTest::checkSuccess)
            .scim()
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"id\":\"" + ID + "\",\"name\":{\"givenName\":\"Aegon\"}}", "PUT", PATH,
                scimJson(200, ListUsersTest.USER))
            .body("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"name\":{\"givenName\":\"Aegon\"},"
                + "\"enabled\":true}");
    }

    static String destructiveArgs() {
        return "{\"id\":\"" + ID + "\",\"enabled\":false}";
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"enabled\":true}", "id"),
            new Bad("{\"id\":\"not-a-uuid\"}", "id"),
            new Bad("{\"id\":\"" + ID + "\",\"enabled\":\"no\"}", "enabled"),
            new Bad("{\"id\":\"" + ID + "\",\"enabled\":\"true\"}", "enabled"),
            new Bad("{\"id\":\"" + ID + "\",\"active\":false}", "active"),
            new Bad("{\"id\":\"" + ID + "\",\"name\":{\"familyName\":5}}", "name.familyName"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals("jonsnow", env.path("data").path("displayName").asText());
    }

    /** Whatever the caller gives, the body carries 'enabled': an omitted one would deactivate the user. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}                                     | {\"enabled\":true}",
        "{\"enabled\":true}                     | {\"enabled\":true}",
        "{\"enabled\":false}                    | {\"enabled\":false}",
        "{\"name\":{\"familyName\":\"Targaryen\"}} | {\"name\":{\"familyName\":\"Targaryen\"},\"enabled\":true}",
    })
    void bodyAlwaysCarriesEnabled(String given, String sent) {
        f.hub().on("PUT", PATH).respond(scimJson(200, ListUsersTest.USER));
        ObjectNode args = (ObjectNode) parse(given);
        args.put("id", ID);
        JsonNode env = f.envelope("update_user", args.toString());
        assertFalse(env.has("error"), env::toString);
        ObjectNode expected = (ObjectNode) parse(sent);
        ObjectNode body = expected.objectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        body.setAll(expected);
        assertEquals(body, f.hub().lastRequest().json());
    }
}
