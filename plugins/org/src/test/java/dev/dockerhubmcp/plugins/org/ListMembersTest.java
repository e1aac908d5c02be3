package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListMembersTest extends HubActionTest {
    static final String PAGE = "{\"count\":3,\"next\":\"https://hub.docker.com/v2/orgs/acme/members?page=2\","
        + "\"previous\":null,\"results\":[{\"id\":\"0ab7\",\"username\":\"jonsnow\",\"full_name\":\"Jon Snow\","
        + "\"email\":\"jon@acme.io\",\"role\":\"Owner\",\"type\":\"User\",\"groups\":[\"owners\"],\"is_guest\":false,"
        + "\"gravatar_url\":\"https://g/x\",\"company\":\"Acme\",\"last_seen_at\":\"2024-01-01T00:00:00Z\"}]}";

    @Override
    DockerHubPlugin plugin() {
        return new OrgPlugin();
    }

    @Override
    String action() {
        return "list_members";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"search\":\"jon\",\"type\":\"member\",\"role\":\"owner\","
                + "\"invites\":true,\"page\":1,\"page_size\":1}", "GET", "/v2/orgs/acme/members",
                FakeResponse.json(200, PAGE))
            .query("search", "jon", "type", "member", "role", "owner", "invites", "true", "page", "1",
                "page_size", "1");
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{}", "org"),
            new Bad("{\"org\":\"-acme\"}", "org"),
            new Bad("{\"org\":\"acme\",\"role\":\"admin\"}", "role"),
            new Bad("{\"org\":\"acme\",\"type\":\"guests\"}", "type"),
            new Bad("{\"org\":\"acme\",\"page\":0}", "page"),
            new Bad("{\"org\":\"acme\",\"page_size\":0}", "page_size"),
            new Bad("{\"org\":\"acme\",\"page_size\":101}", "page_size"),
            new Bad("{\"org\":\"acme\",\"page_size\":\"many\"}", "page_size"),
            new Bad("{\"org\":\"acme\",\"invites\":\"perhaps\"}", "invites"),
            new Bad("{\"org\":\"acme\",\"search\":\"\"}", "search"),
            new Bad("{\"org\":\"acme\",\"max_items\":10}", "max_items"),
            new Bad("{\"org\":\"acme\",\"all_pages\":true,\"max_items\":1001}", "max_items"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        JsonNode data = env.path("data");
        assertEquals(3, data.path("count").asInt());
        assertEquals(1, data.path("page").asInt());
        assertEquals(2, data.path("next_page").asInt());
        JsonNode m = data.path("items").get(0);
        assertEquals("jonsnow", m.path("username").asText());
        assertEquals("Owner", m.path("role").asText());
        assertEquals("owners", m.path("groups").get(0).asText());
        assertFalse(m.has("gravatar_url"), "compact by default");
        assertFalse(m.has("last_seen_at"), "compact by default");
    }

    @Test
    void verboseReturnsRawRecords() {
        hub.on("GET", "/v2/orgs/acme/members").respond(200, PAGE);
        JsonNode m = call("{\"org\":\"acme\",\"verbose\":true}").path("data").path("items").get(0);
        assertEquals("https://g/x", m.path("gravatar_url").asText());
        assertEquals("", hub.lastRequest().query(), "no paging parameters unless asked");
    }

    @Test
    void allPagesFollowsNextUpToMaxItems() {
        hub.on("GET", "/v2/orgs/acme/members").handle(req -> {
            int page = Integer.parseInt(req.queryParam("page").orElse("1"));
            String next = page < 3 ? "\"https://hub.docker.com/v2/orgs/acme/members?page=" + (page + 1) + "\"" : "null";
            return FakeResponse.json(200, "{\"count\":6,\"next\":" + next + ",\"results\":[{\"username\":\"u" + page
                + "a\"},{\"username\":\"u" + page + "b\"}]}");
        });
        JsonNode data = call("{\"org\":\"acme\",\"all_pages\":true,\"page_size\":2}").path("data");
        assertEquals(6, data.path("items").size());
        assertEquals(3, data.path("pages_fetched").asInt());
        assertFalse(data.path("truncated").asBoolean());
        assertEquals(List.of("1", "2", "3"), hub.requests("GET", "/v2/orgs/acme/members").stream()
            .map(r -> r.queryParam("page").orElseThrow()).toList());
        assertTrue(hub.requests("GET", "/v2/orgs/acme/members").stream()
            .allMatch(r -> r.queryParam("page_size").orElseThrow().equals("2")));

        hub.clearRequests();
        JsonNode capped = call("{\"org\":\"acme\",\"all_pages\":true,\"page_size\":2,\"max_items\":3}");
        assertEquals(3, capped.path("data").path("items").size());
        assertTrue(capped.path("data").path("truncated").asBoolean());
        assertEquals(2, hub.requests("GET", "/v2/orgs/acme/members").size(), "stops once the cap is reached");
        assertTrue(capped.path("warnings").get(0).asText().contains("max_items"));
        assertTrue(capped.path("warnings").get(0).asText().contains("continue from page 2"),
            "page 2 was cut, so it still has unseen members: " + capped);
    }

    @Test
    void readsTheArrayShapeTheSpecDocuments() {
        hub.on("GET", "/v2/orgs/acme/members").respond(200, "[" + PAGE + "]");
        JsonNode data = call("{\"org\":\"acme\"}").path("data");
        assertEquals("jonsnow", data.path("items").get(0).path("username").asText());
        assertEquals(3, data.path("count").asInt());
    }
}
