package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResourceTypesTest extends ScimActionTest {
    static final String TYPE = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ResourceType\"],\"id\":\"User\","
        + "\"name\":\"User\",\"description\":\"User\",\"endpoint\":\"/Users\",\"schema\":"
        + "\"urn:ietf:params:scim:schemas:core:2.0:User\"}";

    @Override
    String action() {
        return "resource_types";
    }

    @Override
    Call success() {
        return Call.of("{}", "GET", "/v2/scim/2.0/ResourceTypes", scim(200, "{\"schemas\":["
            + "\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":1,\"resources\":[" + TYPE
            + "]}"));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(new Bad("{\"name\":\"User\"}", "name"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals(1, env.path("data").path("totalResults").asInt());
        assertEquals(parse("{\"id\":\"User\",\"name\":\"User\",\"description\":\"User\",\"endpoint\":\"/Users\","
            + "\"schema\":\"urn:ietf:params:scim:schemas:core:2.0:User\"}"), env.path("data").path("items").get(0));
    }

    @Test
    void readsTheRfcSpellingOfResources() {
        hub.on("GET", "/v2/scim/2.0/ResourceTypes").respond(scim(200, "{\"totalResults\":1,\"Resources\":[" + TYPE
            + "]}"));
        assertEquals("/Users", call("{}").path("data").path("items").get(0).path("endpoint").asText());
    }
}
