package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class DeleteInviteTest {
    static final String ID = "e36eca69-4cc8-4f17-9845-ae8c2b832691";

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new OrgPlugin(), "delete_invite")
            .success(success())
            .invalid(invalid())
            .check(DeleteInviteTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"id\":\"" + ID + "\"}", "DELETE", "/v2/invites/" + ID, FakeResponse.status(204));
    }

    static Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "id"), new Bad("{\"id\":\"not-a-uuid\"}", "id"),
            new Bad("{\"id\":\"../orgs/acme\"}", "id"));
    }

    static void checkSuccess(JsonNode env) {
        assertTrue(env.path("data").path("cancelled").asBoolean());
    }
}
