package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceProviderConfigTest extends ScimActionTest {
    static final String CONFIG = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig\"],"
        + "\"documentationUri\":\"\",\"patch\":{\"supported\":false},\"bulk\":{\"supported\":false,"
        + "\"maxOperations\":0,\"maxPayloadSize\":0},\"filter\":{\"supported\":true,\"maxResults\":99999},"
        + "\"changePassword\":{\"supported\":false},\"sort\":{\"supported\":true},\"etag\":{\"supported\":false},"
        + "\"authenticationSchemes\":{\"name\":\"OAuth 2.0 Bearer Token\",\"type\":\"oauthbearertoken\"}}";

    @Override
    String action() {
        return "service_provider_config";
    }

    @Override
    Call success() {
        return Call.of("{}", "GET", "/v2/scim/2.0/ServiceProviderConfig", scim(200, CONFIG));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(new Bad("{\"org\":\"acme\"}", "org"), new Bad("{\"verbose\":\"loud\"}", "verbose"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertEquals(parse("{\"patch\":false,\"bulk\":false,\"filter\":true,\"changePassword\":false,\"sort\":true,"
            + "\"etag\":false,\"maxResults\":99999,\"authenticationSchemes\":[\"OAuth 2.0 Bearer Token\"]}"),
            env.path("data"));
    }

    @Test
    void verboseIsRaw() {
        hub.on("GET", "/v2/scim/2.0/ServiceProviderConfig").respond(scim(200, CONFIG));
        assertEquals(parse(CONFIG), call("{\"verbose\":true}").path("data"));
    }
}
