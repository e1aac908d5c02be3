package dev.dockerhubmcp.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.PagedList;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubPages;
import dev.dockerhubmcp.api.hub.HubRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagedListTest {
    private static final String PATH = "/v2/orgs/acme/groups";

    /** A plugin with one paged action over {@code /v2/orgs/{org}/groups}. */
    private static DockerHubPlugin plugin(PagedList paging) {
        Action list = Action.builder("list").description("List teams.")
            .input(paging.input(Schema.object().required("org", Schema.string("Organization"))))
            .output(paging.output("A team"))
            .effect(Effect.READ)
            .handler((args, ctx) -> paging.run(args, ctx, HubRequest.get("/v2/orgs/{}/groups", args.string("org"))
                .auth(HubAuth.OPTIONAL).build(), t -> JsonNodes.pick(t, "name")))
            .build();
        return new DockerHubPlugin() {
            public String id() {
                return "paged";
            }

            public String description() {
                return "paged list test plugin";
            }

            public List<Action> actions() {
                return List.of(list);
            }
        };
    }

    /** Pages of page_size teams t1..t5, with next links on another host (never followed). */
    private static void teams(FakeHub hub) {
        hub.on("GET", PATH).handle(req -> {
            int page = Integer.parseInt(req.queryParam("page").orElse("1"));
            int size = Integer.parseInt(req.queryParam("page_size").orElse("2"));
            StringBuilder items = new StringBuilder();
            for (int i = (page - 1) * size + 1; i <= Math.min(5, page * size); i++) {
                items.append(items.isEmpty() ? "" : ",").append("{\"name\":\"t").append(i).append("\",\"id\":")
                    .append(i).append('}');
            }
            String next = page * size < 5 ? "\"https://elsewhere.example/v2/orgs/acme/groups?page=" + (page + 1)
                + "\"" : "null";
            return FakeResponse.json(200, "{\"count\":5,\"next\":" + next + ",\"results\":[" + items + "]}");
        });
    }

    private static JsonNode call(FakeHub hub, PagedList paging, String args) {
        try (ActionHarness h = ActionHarness.builder().hub(hub.url()).build()) {
            return h.envelope(h.call(plugin(paging), "list", args));
        }
    }

    @Test
    void onePageSendsOnlyWhatWasAskedAndSaysTheNextPage() {
        try (FakeHub hub = FakeHub.start().requireAuth(false)) {
            teams(hub);
            JsonNode data = call(hub, PagedList.DEFAULT, "{\"org\":\"acme\"}").path("data");
            assertEquals("", hub.lastRequest().query());
            assertEquals(5, data.path("count").asInt());
            assertEquals(1, data.path("page").asInt());
            assertEquals(2, data.path("next_page").asInt());
            assertEquals("{\"name\":\"t1\"}", data.path("items").get(0).toString(), "compacted");

            JsonNode last = call(hub, PagedList.DEFAULT, "{\"org\":\"acme\",\"page\":3,\"page_size\":2}").path("data");
            assertEquals("3", hub.lastRequest().queryParam("page").orElseThrow());
            assertTrue(last.path("next_page").isNull());
        }
    }

    @Test
    void allPagesWalksByNumberAndWarnsWhereToContinue() {
        try (FakeHub hub = FakeHub.start().requireAuth(false)) {
            teams(hub);
            JsonNode data = call(hub, PagedList.DEFAULT, "{\"org\":\"acme\",\"all_pages\":true,\"page_size\":2}")
                .path("data");
            assertEquals(5, data.path("items").size());
            assertEquals(3, data.path("pages_fetched").asInt());
            assertFalse(data.path("truncated").asBoolean());

            hub.clearRequests();
            JsonNode capped = call(hub, PagedList.DEFAULT,
                "{\"org\":\"acme\",\"all_pages\":true,\"page_size\":2,\"max_items\":3}");
            assertTrue(capped.path("data").path("truncated").asBoolean());
            assertEquals("stopped after 3 items (2 pages); more remain: raise max_items (up to 1000), continue from "
                + "page 2, or narrow the filter", capped.path("warnings").get(0).asText());

            PagedList tight = new PagedList(100, 200, 1000, 2, 0);
            JsonNode pageBound = call(hub, tight, "{\"org\":\"acme\",\"all_pages\":true,\"page_size\":1}");
            assertEquals("stopped after 2 items (2 pages, the most one call fetches); more remain: use a larger "
                + "page_size, continue from page 3, or narrow the filter", pageBound.path("warnings").get(0).asText());
        }
    }

    @Test
    void withoutACountAFullPageOfTheUpstreamSizeSuggestsAnother() {
        try (FakeHub hub = FakeHub.start().requireAuth(false)) {
            hub.on("GET", "/v2/orgs/acme/groups").respond(200, "{\"logs\":[{\"name\":\"a\"},{\"name\":\"b\"}]}");
            assertTrue(call(hub, PagedList.DEFAULT.withUpstreamPageSize(3), "{\"org\":\"acme\"}").path("data")
                .path("next_page").isNull(), "2 < 3");
            assertEquals(2, call(hub, PagedList.DEFAULT.withUpstreamPageSize(2), "{\"org\":\"acme\"}").path("data")
                .path("next_page").asInt(), "a full page of 2");
        }
    }

    @Test
    void maxItemsWithoutAllPagesIsRefusedBeforeTheNetwork() {
        try (FakeHub hub = FakeHub.start().requireAuth(false)) {
            JsonNode env = call(hub, PagedList.DEFAULT, "{\"org\":\"acme\",\"max_items\":5}");
            assertEquals("validation", env.path("error").path("type").asText());
            assertTrue(env.path("error").path("message").asText().contains("'max_items'"));
            assertEquals(List.of(), hub.requestLines());
        }
    }

    @Test
    void warningForOtherStops() {
        HubPages.Walked cancelled = new HubPages.Walked(List.of(), null, 2, 0, 200, HubPages.Stop.CANCELLED,
            HubRequest.get("/v2/scim/2.0/Users").query("startIndex", 7).build(), "cancelled");
        assertEquals("stopped after 0 users (2 pages, cancelled); more remain: ask again, continue from startIndex 7, "
            + "or narrow the filter", PagedList.warning(cancelled, "users", "count", 2000));
        HubPages.Walked refused = new HubPages.Walked(List.of(), 9L, 1, 0, 200, HubPages.Stop.LINK_REFUSED, null,
            "stopped: the next link points to another path; not followed");
        assertEquals("stopped after 0 items (1 pages, stopped: the next link points to another path; not followed)",
            PagedList.warning(refused, "items", "page_size", 1000));
    }

    @Test
    void boundsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new PagedList(0, 200, 1000, 50, 0));
        assertThrows(IllegalArgumentException.class, () -> new PagedList(100, 2000, 1000, 50, 0));
        assertThrows(IllegalArgumentException.class, () -> PagedList.DEFAULT.withUpstreamPageSize(-1));
    }

    @Test
    void jsonNodesPickAndText() throws Exception {
        JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
            "{\"a\":1,\"b\":null,\"c\":\" \",\"d\":\"x\",\"e\":{\"f\":2}}");
        assertEquals("{\"e\":{\"f\":2},\"a\":1}", JsonNodes.pick(r, "e", "b", "a", "zz").toString());
        assertEquals("x", JsonNodes.text(r, "d"));
        assertEquals(null, JsonNodes.text(r, "c"));
        assertEquals(null, JsonNodes.text(r, "b"));
        assertEquals(null, JsonNodes.text(r, "zz"));
    }
}
