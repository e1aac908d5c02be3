package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class UpdateUserTest extends ScimActionTest {
    static final String ID = "d80f7c79-7730-49d8-9a41-7c42fb622d9c";
    static final String PATH = "/v2/scim/2.0/Users/" + ID;

    @Override
    String action() {
        return "update_user";
    }

    @Override
    Call success() {
        return Call.of("{\"id\":\"" + ID + "\",\"name\":{\"givenName\":\"Aegon\"}}", "PUT", PATH,
                scim(200, ListUsersTest.USER))
            .body("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"name\":{\"givenName\":\"Aegon\"},"
                + "\"enabled\":true}");
    }

    @Override
    String destructiveArgs() {
        return "{\"id\":\"" + ID + "\",\"enabled\":false}";
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"enabled\":true}", "id"),
            new Bad("{\"id\":\"not-a-uuid\"}", "id"),
            new Bad("{\"id\":\"" + ID + "\",\"enabled\":\"no\"}", "enabled"),
            new Bad("{\"id\":\"" + ID + "\",\"active\":false}", "active"),
            new Bad("{\"id\":\"" + ID + "\",\"name\":{\"familyName\":5}}", "name.familyName"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals("jonsnow", env.path("data").path("displayName").asText());
    }

    /** Whatever the caller gives, the body carries 'enabled': an omitted one would deactivate the user. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}                                     | {\"enabled\":true}",
        "{\"enabled\":true}                     | {\"enabled\":true}",
        "{\"enabled\":\"true\"}                 | {\"enabled\":true}",
        "{\"enabled\":false}                    | {\"enabled\":false}",
        "{\"name\":{\"familyName\":\"Targaryen\"}} | {\"name\":{\"familyName\":\"Targaryen\"},\"enabled\":true}",
    })
    void bodyAlwaysCarriesEnabled(String given, String sent) {
        hub.on("PUT", PATH).respond(scim(200, ListUsersTest.USER));
        ObjectNode args = (ObjectNode) parse(given);
        args.put("id", ID);
        JsonNode env = call(args.toString());
        assertFalse(env.has("error"), env::toString);
        ObjectNode expected = (ObjectNode) parse(sent);
        ObjectNode body = expected.objectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        body.setAll(expected);
        assertEquals(body, hub.lastRequest().json());
    }
}
