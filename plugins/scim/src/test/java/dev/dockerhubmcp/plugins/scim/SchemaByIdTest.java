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

class SchemaByIdTest {
    private final HubFixture f = HubFixture.builder(new ScimPlugin()).scim().allowDestructive(true).build();

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new ScimPlugin(), "schema")
            .success(success())
            .invalid(invalid())
            .check(SchemaByIdTest::checkSuccess)
            .scim()
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"id\":\"urn:ietf:params:scim:schemas:core:2.0:User\"}", "GET",
            "/v2/scim/2.0/Schemas/urn%3Aietf%3Aparams%3Ascim%3Aschemas%3Acore%3A2.0%3AUser",
            scimJson(200, SchemasTest.USER_SCHEMA));
    }

    static Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "id"), new Bad("{\"id\":\"User\"}", "id"),
            new Bad("{\"id\":\"urn:x/../../Users\"}", "id"));
    }

    static void checkSuccess(JsonNode env) {
        JsonNode attrs = env.path("data").path("attributes");
        assertEquals(parse("{\"name\":\"userName\",\"type\":\"string\",\"required\":true,\"multiValued\":false,"
            + "\"mutability\":\"readWrite\"}"), attrs.get(0));
        assertEquals(parse("[\"givenName\",\"familyName\"]"), attrs.get(1).path("subAttributes"));
    }

    @Test
    void verboseIsRaw() {
        f.hub().on("GET", success().path()).respond(scimJson(200, SchemasTest.USER_SCHEMA));
        assertEquals(parse(SchemasTest.USER_SCHEMA), f.envelope("schema", "{\"id\":\"urn:ietf:params:scim:schemas:core:2.0:User\","
            + "\"verbose\":true}").path("data"));
    }
}
