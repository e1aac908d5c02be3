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

class ServiceProviderConfigTest {
    static final String CONFIG = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig\"],"
        + "\"documentationUri\":\"\",\"patch\":{\"supported\":false},\"bulk\":{\"supported\":false,"
        + "\"maxOperations\":0,\"maxPayloadSize\":0},\"filter\":{\"supported\":true,\"maxResults\":99999},"
        + "\"changePassword\":{\"supported\":false},\"sort\":{\"supported\":true},\"etag\":{\"supported\":false},"
        + "\"authenticationSchemes\":{\"name\":\"OAuth 2.0 Bearer Token\",\"type\":\"oauthbearertoken\"}}";

    private final HubFixture f = HubFixture.builder(new ScimPlugin()).scim().allowDestructive(true).build();

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new ScimPlugin(), "service_provider_config")
            .success(success())
            .invalid(invalid())
            .check(ServiceProviderConfigTest::checkSuccess)
            .scim()
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{}", "GET", "/v2/scim/2.0/ServiceProviderConfig", scimJson(200, CONFIG));
    }

    static Stream<Bad> invalid() {
        return Stream.of(new Bad("{\"org\":\"acme\"}", "org"), new Bad("{\"verbose\":\"loud\"}", "verbose"));
    }

    static void checkSuccess(JsonNode env) {
        assertEquals(parse("{\"patch\":false,\"bulk\":false,\"filter\":true,\"changePassword\":false,\"sort\":true,"
            + "\"etag\":false,\"maxResults\":99999,\"authenticationSchemes\":[\"OAuth 2.0 Bearer Token\"]}"),
            env.path("data"));
    }

    @Test
    void verboseIsRaw() {
        f.hub().on("GET", "/v2/scim/2.0/ServiceProviderConfig").respond(scimJson(200, CONFIG));
        assertEquals(parse(CONFIG), f.envelope("service_provider_config", "{\"verbose\":true}").path("data"));
    }
}
