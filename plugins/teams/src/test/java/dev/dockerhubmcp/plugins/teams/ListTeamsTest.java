package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListTeamsTest extends HubActionTest {
    static final String PAGE = "{\"count\":2,\"next\":null,\"previous\":null,\"results\":[{\"id\":10,\"uuid\":"
        + "\"8f1d\",\"name\":\"developers\",\"description\":\"Devs\",\"member_count\":4},{\"id\":11,\"uuid\":\"9e2c\","
        + "\"name\":\"owners\",\"description\":\"\",\"member_count\":1}]}";

    @Override
    DockerHubPlugin plugin() {
        return new TeamsPlugin();
    }

    @Override
    String action() {
        return "list";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\",\"search\":\"dev\",\"username\":\"jonsnow\",\"page\":3,\"page_size\":50}",
                "GET", "/v2/orgs/acme/groups", FakeResponse.json(200, PAGE))
            .query("username", "jonsnow", "search", "dev", "page", "3", "page_size", "50");
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{}", "org"),
            new Bad("{\"org\":\"ACME\"}", "org"),
            new Bad("{\"org\":\"acme\",\"username\":\"Jon Snow\"}", "username"),
            new Bad("{\"org\":\"acme\",\"search\":\"\"}", "search"),
            new Bad("{\"org\":\"acme\",\"page\":-1}", "page"),
            new Bad("{\"org\":\"acme\",\"page_size\":500}", "page_size"),
            new Bad("{\"org\":\"acme\",\"max_items\":5}", "max_items"),
            new Bad("{\"org\":\"acme\",\"all_pages\":\"all\"}", "all_pages"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        JsonNode data = env.path("data");
        assertEquals(2, data.path("count").asInt());
        assertTrue(data.path("next_page").isNull());
        assertEquals(3, data.path("page").asInt());
        JsonNode t = data.path("items").get(0);
        assertEquals(10, t.path("id").asInt());
        assertEquals("developers", t.path("name").asText());
        assertEquals(4, t.path("member_count").asInt());
        assertFalse(t.has("uuid"), "compact by default");
    }

    @Test
    void allPagesWalksUntilNoNext() {
        hub.on("GET", "/v2/orgs/acme/groups").handle(req -> {
            int page = Integer.parseInt(req.queryParam("page").orElse("1"));
            String next = page < 2 ? "\"https://hub.docker.com/v2/orgs/acme/groups?page=2\"" : "null";
            return FakeResponse.json(200, "{\"count\":3,\"next\":" + next + ",\"results\":["
                + (page == 1 ? "{\"name\":\"a\"},{\"name\":\"b\"}" : "{\"name\":\"c\"}") + "]}");
        });
        JsonNode data = call("{\"org\":\"acme\",\"all_pages\":true,\"verbose\":true}").path("data");
        assertEquals(3, data.path("items").size());
        assertEquals(2, data.path("pages_fetched").asInt());
        assertFalse(data.path("truncated").asBoolean());
        assertEquals("100", hub.requests("GET", "/v2/orgs/acme/groups").get(0).queryParam("page_size").orElseThrow(),
            "all_pages asks for the largest pages");
    }
}
