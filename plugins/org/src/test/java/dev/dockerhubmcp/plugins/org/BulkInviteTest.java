package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BulkInviteTest extends HubActionTest {
    static final String ANSWER = "{\"invitees\":[{\"invitee\":\"new@acme.io\",\"status\":\"invited\",\"invite\":{"
        + "\"id\":\"e36eca69-4cc8-4f17-9845-ae8c2b832691\",\"inviter_username\":\"moby\",\"invitee\":\"new@acme.io\","
        + "\"org\":\"acme\",\"team\":\"devs\",\"created_at\":\"2021-10-28T18:30:19.520861Z\"}},"
        + "{\"invitee\":\"jonsnow\",\"status\":\"existing_org_member\"},"
        + "{\"invitee\":\"bad@nowhere.example\",\"status\":\"invalid_email_or_docker_id\"}]}";

    @Override
    DockerHubPlugin plugin() {
        return new OrgPlugin();
    }

    @Override
    String action() {
        return "bulk_invite";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"invitees\":[\"new@acme.io\",\"jonsnow\",\"bad@nowhere.example\"],"
                + "\"team\":\"devs\",\"role\":\"editor\"}", "POST", "/v2/invites/bulk", FakeResponse.json(202, ANSWER))
            .body("{\"org\":\"acme\",\"invitees\":[\"new@acme.io\",\"jonsnow\",\"bad@nowhere.example\"],"
                + "\"team\":\"devs\",\"role\":\"editor\",\"dry_run\":false}");
    }

    @Override
    Stream<Bad> invalid() {
        String many = IntStream.range(0, 1001).mapToObj(i -> "\"u" + i + "x\"").collect(Collectors.joining(","));
        return Stream.of(
            new Bad("{\"invitees\":[\"jonsnow\"]}", "org"),
            new Bad("{\"org\":\"acme\"}", "invitees"),
            new Bad("{\"org\":\"acme\",\"invitees\":[]}", "invitees"),
            new Bad("{\"org\":\"acme\",\"invitees\":\"jonsnow\"}", "invitees"),
            new Bad("{\"org\":\"acme\",\"invitees\":[\"not an id\"]}", "invitees[0]"),
            new Bad("{\"org\":\"acme\",\"invitees\":[\"jonsnow\",\"JonSnow@x\"]}", "invitees[1]"),
            new Bad("{\"org\":\"acme\",\"invitees\":[\"jon@acme.io\",\"JON@acme.io\"]}", "invitees"),
            new Bad("{\"org\":\"acme\",\"invitees\":[" + many + "]}", "invitees"),
            new Bad("{\"org\":\"acme\",\"invitees\":[\"jonsnow\"],\"role\":\"admin\"}", "role"),
            new Bad("{\"org\":\"acme\",\"invitees\":[\"jonsnow\"],\"team\":\"dev team\"}", "team"),
            new Bad("{\"org\":\"acme\",\"invitees\":[\"jonsnow\"],\"dry_run\":\"maybe\"}", "dry_run"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        JsonNode data = env.path("data");
        assertEquals(202, env.path("status_code").asInt());
        assertFalse(data.path("dry_run").asBoolean());
        assertEquals(1, data.path("invited").asInt());
        assertEquals(1, data.path("by_status").path("existing_org_member").asInt());
        assertEquals(3, data.path("results").size());
        assertEquals("e36eca69-4cc8-4f17-9845-ae8c2b832691", data.path("results").get(0).path("invite_id").asText());
        assertEquals("invalid_email_or_docker_id", data.path("results").get(2).path("status").asText());
        assertTrue(env.path("warnings").get(0).asText().startsWith("2 of 3 not invited"), env.toString());
    }

    @Test
    void dryRunIsSentAndRoleDefaultsToMember() {
        hub.on("POST", "/v2/invites/bulk").respond(202, "{\"invitees\":{\"invitees\":[{\"invitee\":\"jonsnow\","
            + "\"status\":\"invited\"}]}}");
        JsonNode env = call("{\"org\":\"acme\",\"invitees\":[\"jonsnow\"],\"dry_run\":true}");
        assertEquals(parse("{\"org\":\"acme\",\"invitees\":[\"jonsnow\"],\"role\":\"member\",\"dry_run\":true}"),
            hub.lastRequest().json());
        assertTrue(env.path("data").path("dry_run").asBoolean());
        assertEquals(1, env.path("data").path("invited").asInt(), "the nested shape of the spec is read too");
        assertFalse(env.has("warnings"));
    }
}
