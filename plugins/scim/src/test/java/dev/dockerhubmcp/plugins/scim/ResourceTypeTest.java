package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ResourceTypeTest extends ScimActionTest {
    @Override
    String action() {
        return "resource_type";
    }

    @Override
    Call success() {
        return Call.of("{\"name\":\"User\"}", "GET", "/v2/scim/2.0/ResourceTypes/User",
            scim(200, ResourceTypesTest.TYPE));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "name"), new Bad("{\"name\":\"../Users\"}", "name"),
            new Bad("{\"name\":\"User Type\"}", "name"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:User", env.path("data").path("schema").asText());
        assertFalse(env.path("data").has("schemas"), "compact drops the SCIM envelope URNs");
    }
}
