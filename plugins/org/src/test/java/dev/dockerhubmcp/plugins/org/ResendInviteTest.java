package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ResendInviteTest extends HubActionTest {
    static final String ID = "e36eca69-4cc8-4f17-9845-ae8c2b832691";

    @Override
    DockerHubPlugin plugin() {
        return new OrgPlugin();
    }

    @Override
    String action() {
        return "resend_invite";
    }

    @Override
    Call success() {
        return Call.of("{\"id\":\"" + ID + "\"}", "PATCH", "/v2/invites/" + ID + "/resend", FakeResponse.status(204));
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "id"), new Bad("{\"id\":\"12345\"}", "id"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        assertTrue(env.path("data").path("resent").asBoolean());
    }
}
