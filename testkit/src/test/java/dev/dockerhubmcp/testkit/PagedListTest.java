package dev.dockerhubmcp.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.PagedList;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubClient;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagedListTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final String REPOS = "/v2/namespaces/acme/repositories";
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
        PagedList.Walked cancelled = new PagedList.Walked(List.of(), null, 2, 0, 200, PagedList.Stop.CANCELLED,
            HubRequest.get("/v2/scim/2.0/Users").query("startIndex", 7).build(), "cancelled");
        assertEquals("stopped after 0 users (2 pages, cancelled); more remain: ask again, continue from startIndex 7, "
            + "or narrow the filter", PagedList.warning(cancelled, "users", "count", 2000));
        PagedList.Walked refused = new PagedList.Walked(List.of(), 9L, 1, 0, 200, PagedList.Stop.LINK_REFUSED, null,
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

    // page() and walk(): reading the Hub's page shapes and walking over pages

    private static DefaultUpstreams upstreams(FakeHub hub) {
        return new DefaultUpstreams(UpstreamConfig.builder().hubUrl(hub.url()).credentials(Credentials.ANONYMOUS)
            .maxRetries(0).build());
    }

    private static ArrayNode items(int from, int n) {
        ArrayNode a = M.createArrayNode();
        for (int i = from; i < from + n; i++) {
            a.addObject().put("name", "r" + i);
        }
        return a;
    }

    private static List<String> names(PagedList.Walked all) {
        return all.items().stream().map(i -> i.path("name").asText()).toList();
    }

    private static int param(RecordedRequest r, String name, int fallback) {
        return r.queryParam(name).map(Integer::parseInt).orElse(fallback);
    }

    /** count/next/previous/results, 5 items in pages of page_size, with next links built by {@code linkBase}. */
    private static void countShape(FakeHub hub, String linkBase) {
        hub.on("GET", REPOS).handle(req -> {
            int page = param(req, "page", 1);
            int size = param(req, "page_size", 2);
            int from = (page - 1) * size;
            ObjectNode body = M.createObjectNode().put("count", 5);
            if (from + size < 5) {
                body.put("next", linkBase + REPOS + "?page=" + (page + 1) + "&page_size=" + size);
            } else {
                body.putNull("next");
            }
            body.putNull("previous");
            body.set("results", items(from, Math.min(size, 5 - from)));
            return FakeResponse.json(200, body);
        });
    }

    private static HubRequest.Builder repos() {
        return HubRequest.get("/v2/namespaces/{}/repositories", "acme").auth(HubAuth.NONE);
    }

    @Test
    void followsNextLinksToTheEnd() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            countShape(hub, hub.url());
            PagedList.Walked all = PagedList.walk(repos().query("page_size", 2).query("ordering", "name").build())
                .maxItems(100).run(up.hub());
            assertEquals(List.of("r0", "r1", "r2", "r3", "r4"), names(all));
            assertTrue(all.complete());
            assertNull(all.note());
            assertEquals(5L, all.total());
            assertEquals(3, all.pages());
            List<RecordedRequest> sent = hub.requests("GET", REPOS);
            assertEquals(3, sent.size());
            assertEquals("2", sent.get(1).queryParam("page").orElseThrow());
            assertEquals("3", sent.get(2).queryParam("page").orElseThrow());
            assertEquals("2", sent.get(2).queryParam("page_size").orElseThrow());
        }
    }

    @Test
    void relativeNextLinksAreFollowed() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            countShape(hub, "");
            PagedList.Walked all = PagedList.walk(repos().query("page_size", 2).build()).maxItems(100).run(up.hub());
            assertEquals(5, all.items().size());
            assertTrue(all.complete());
        }
    }

    @Test
    void stopsAtMaxItemsAndSaysSo() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            countShape(hub, hub.url());
            PagedList.Walked all = PagedList.walk(repos().query("page_size", 2).build()).maxItems(3).run(up.hub());
            assertEquals(List.of("r0", "r1", "r2"), names(all));
            assertFalse(all.complete());
            assertTrue(all.note().contains("3 items") && all.note().contains("5 in total"), all.note());
            assertEquals(2, hub.requests("GET", REPOS).size(), "no page beyond what is needed");
        }
    }

    @Test
    void exactlyMaxItemsOnTheLastPageIsComplete() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            countShape(hub, hub.url());
            PagedList.Walked all = PagedList.walk(repos().query("page_size", 5).build()).maxItems(5).run(up.hub());
            assertTrue(all.complete());
            assertEquals(1, all.pages());
        }
    }

    @Test
    void nextLinkToAnotherHostIsNotFollowed() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); FakeHub evil = FakeHub.start().requireAuth(false);
             DefaultUpstreams up = upstreams(hub)) {
            countShape(hub, evil.url());
            countShape(evil, evil.url());
            PagedList.Walked all = PagedList.walk(repos().query("page_size", 2).build()).maxItems(100).run(up.hub());
            assertEquals(2, all.items().size());
            assertFalse(all.complete());
            assertTrue(all.note().contains("another host"), all.note());
            assertEquals(0, evil.requests().size());
            assertEquals(1, hub.requests().size());
        }
    }

    @Test
    void nextLinkToAnotherPathIsNotFollowed() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            hub.on("GET", REPOS).respond(200, "{\"count\":9,\"next\":\"" + hub.url()
                + "/v2/access-tokens?page=2\",\"results\":[{\"name\":\"a\"}]}");
            PagedList.Walked all = PagedList.walk(repos().build()).maxItems(100).run(up.hub());
            assertFalse(all.complete());
            assertTrue(all.note().contains("another path"), all.note());
            assertEquals(1, hub.requests().size());
        }
    }

    @Test
    void nextLinkQueryIsReEncodedOnTheFirstPath() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            hub.on("GET", REPOS).handle(req -> req.queryParam("page").isEmpty()
                ? FakeResponse.json(200, "{\"count\":2,\"next\":\"" + hub.url() + REPOS
                + "?page=2&name=a%20b&x=%2F..%2Fadmin%23frag\",\"results\":[{\"name\":\"a\"}]}")
                : FakeResponse.json(200, "{\"count\":2,\"next\":null,\"results\":[{\"name\":\"b\"}]}"));
            PagedList.Walked all = PagedList.walk(repos().build()).maxItems(100).run(up.hub());
            assertTrue(all.complete());
            RecordedRequest second = hub.requests("GET", REPOS).get(1);
            assertEquals(REPOS, second.path());
            assertEquals("a b", second.queryParam("name").orElseThrow());
            assertEquals("/../admin#frag", second.queryParam("x").orElseThrow());
        }
    }

    @Test
    void orgAccessTokensTotalShapeByPageNumber() {
        String path = "/v2/orgs/acme/access-tokens";
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            hub.on("GET", path).handle(req -> {
                int page = param(req, "page", 1);
                ObjectNode body = M.createObjectNode().put("total", 3);
                body.set("results", page == 1 ? items(0, 2) : items(2, 1));
                return FakeResponse.json(200, body);
            });
            PagedList.Walked all = PagedList.walk(HubRequest.get("/v2/orgs/{}/access-tokens", "acme")
                .query("page_size", 2).auth(HubAuth.NONE).build()).maxItems(100).run(up.hub());
            assertEquals(List.of("r0", "r1", "r2"), names(all));
            assertTrue(all.complete());
            assertEquals(3L, all.total());
            assertEquals(2, hub.requests().size());
        }
    }

    @Test
    void auditLogsByPageNumberUntilAShortPage() {
        String path = "/v2/auditlogs/acme";
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            hub.on("GET", path).handle(req -> {
                int page = param(req, "page", 1);
                ObjectNode body = M.createObjectNode();
                body.set("logs", page < 3 ? items((page - 1) * 2, 2) : items(4, 1));
                return FakeResponse.json(200, body);
            });
            PagedList.Walked all = PagedList.walk(HubRequest.get("/v2/auditlogs/{}", "acme").query("page_size", 2)
                .query("action", "repo.tag.push").auth(HubAuth.NONE).build()).maxItems(100).run(up.hub());
            assertEquals(5, all.items().size());
            assertTrue(all.complete());
            assertNull(all.total());
            List<RecordedRequest> sent = hub.requests("GET", path);
            assertEquals(List.of("1", "2", "3"), sent.stream()
                .map(r -> r.queryParam("page").orElse("1")).toList());
            sent.forEach(r -> assertEquals("repo.tag.push", r.queryParam("action").orElseThrow()));
        }
    }

    @Test
    void auditLogsWithoutPageSizeRunUntilAnEmptyPage() {
        String path = "/v2/auditlogs/acme";
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            hub.on("GET", path).handle(req -> {
                int page = param(req, "page", 1);
                ObjectNode body = M.createObjectNode();
                body.set("logs", page <= 2 ? items(page * 10, 3) : M.createArrayNode());
                return FakeResponse.json(200, body);
            });
            PagedList.Walked all = PagedList.walk(HubRequest.get("/v2/auditlogs/{}", "acme").auth(HubAuth.NONE).build())
                .maxItems(100).run(up.hub());
            assertEquals(6, all.items().size());
            assertTrue(all.complete());
            assertEquals(3, all.pages());
        }
    }

    @Test
    void invitesDataShapeIsOnePage() {
        String path = "/v2/orgs/acme/invites";
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            ObjectNode body = M.createObjectNode();
            body.set("data", items(0, 4));
            hub.on("GET", path).respond(FakeResponse.json(200, body));
            PagedList.Walked all = PagedList.walk(HubRequest.get("/v2/orgs/{}/invites", "acme").auth(HubAuth.NONE)
                .build()).maxItems(100).run(up.hub());
            assertEquals(4, all.items().size());
            assertTrue(all.complete());
            assertEquals(1, hub.requests().size());
        }
    }

    @Test
    void scimByStartIndex() {
        String path = "/v2/scim/2.0/Users";
        try (FakeHub hub = FakeHub.start().scimToken("scim-t");
             DefaultUpstreams up = new DefaultUpstreams(UpstreamConfig.builder().hubUrl(hub.url())
                 .scimToken("scim-t").build())) {
            hub.on("GET", path).handle(req -> {
                int start = param(req, "startIndex", 1);
                int count = param(req, "count", 2);
                ObjectNode body = M.createObjectNode().put("totalResults", 5).put("startIndex", start)
                    .put("itemsPerPage", count);
                body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
                body.set("Resources", items(start - 1, Math.min(count, 5 - start + 1)));
                return FakeResponse.json(200, body);
            });
            PagedList.Walked all = PagedList.walk(HubRequest.get("/v2/scim/2.0/Users").query("count", 2)
                .auth(HubAuth.SCIM).build()).maxItems(100).run(up.hub());
            assertEquals(List.of("r0", "r1", "r2", "r3", "r4"), names(all));
            assertTrue(all.complete());
            assertEquals(5L, all.total());
            assertEquals(List.of("1", "3", "5"), hub.requests("GET", path).stream()
                .map(r -> r.queryParam("startIndex").orElse("1")).toList());
        }
    }

    @Test
    void boundedByMaxPages() {
        String path = "/v2/auditlogs/acme";
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            hub.on("GET", path).handle(req -> {
                ObjectNode body = M.createObjectNode();
                body.set("logs", items(param(req, "page", 1) * 100, 2));
                return FakeResponse.json(200, body);
            });
            PagedList.Walked all = PagedList.walk(HubRequest.get("/v2/auditlogs/{}", "acme").query("page_size", 2)
                .auth(HubAuth.NONE).build()).maxItems(1000).maxPages(4).run(up.hub());
            assertEquals(8, all.items().size());
            assertFalse(all.complete());
            assertTrue(all.note().contains("4 pages"), all.note());
            assertEquals(4, hub.requests().size());
        }
    }

    @Test
    void aServerIgnoringThePageParameterIsDetected() {
        String path = "/v2/auditlogs/acme";
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            ObjectNode body = M.createObjectNode();
            body.set("logs", items(0, 2));
            hub.on("GET", path).respond(FakeResponse.json(200, body));
            PagedList.Walked all = PagedList.walk(HubRequest.get("/v2/auditlogs/{}", "acme").query("page_size", 2)
                .auth(HubAuth.NONE).build()).maxItems(1000).run(up.hub());
            assertEquals(2, all.items().size());
            assertFalse(all.complete());
            assertTrue(all.note().contains("repeated"), all.note());
            assertEquals(2, hub.requests().size());
        }
    }


    @Test
    void readsEveryShape() throws Exception {
        PagedList.Page count = PagedList.page(M.readTree(
            "{\"count\":7,\"next\":\"https://hub.docker.com/v2/x?page=2\",\"previous\":null,\"results\":[{},{}]}"));
        assertEquals(PagedList.Shape.COUNT, count.shape());
        assertEquals(7L, count.total());
        assertEquals(2, count.items().size());
        assertEquals("https://hub.docker.com/v2/x?page=2", count.next());
        assertNull(count.previous());

        PagedList.Page total = PagedList.page(M.readTree("{\"total\":3,\"data\":[{}]}"));
        assertEquals(PagedList.Shape.TOTAL, total.shape());
        assertEquals(3L, total.total());
        assertEquals(1, total.items().size());

        assertEquals(PagedList.Shape.LOGS, PagedList.page(M.readTree("{\"logs\":[{}]}")).shape());
        assertEquals(PagedList.Shape.DATA, PagedList.page(M.readTree("{\"data\":[]}")).shape());
        PagedList.Page scim = PagedList.page(M.readTree(
            "{\"totalResults\":\"9\",\"startIndex\":4,\"itemsPerPage\":3,\"Resources\":[{},{},{}]}"));
        assertEquals(PagedList.Shape.SCIM, scim.shape());
        assertEquals(9L, scim.total());
        assertEquals(4L, scim.startIndex());
        assertEquals(3L, scim.itemsPerPage());
        assertEquals(PagedList.Shape.ARRAY, PagedList.page(M.readTree("[1,2]")).shape());
    }

    @Test
    void wrongShapesAreUpstreamErrorsNeverEmptyPages() throws Exception {
        for (String body : List.of("{\"name\":\"x\"}", "\"text\"", "42", "{\"count\":5,\"results\":{}}",
            "{\"count\":\"many\",\"results\":[]}", "{\"count\":-1,\"results\":[]}", "{\"count\":1.5,\"results\":[]}",
            "{\"count\":2,\"results\":null}", "{\"total\":1,\"data\":\"x\"}", "{\"logs\":{}}",
            "{\"totalResults\":1,\"Resources\":7}", "{\"totalResults\":{},\"Resources\":[]}")) {
            ActionException e = assertThrows(ActionException.class, () -> PagedList.page(M.readTree(body)), body);
            assertEquals(ErrorType.UPSTREAM, e.error().type(), body);
            assertTrue(e.getMessage().startsWith("hub answered "), e.getMessage());
        }
        assertThrows(ActionException.class, () -> PagedList.page(null));
        assertThrows(ActionException.class, () -> PagedList.page(M.nullNode()));
        ActionException array = assertThrows(ActionException.class, () -> PagedList.pageObject(M.readTree("[{}]")));
        assertTrue(array.getMessage().contains("a JSON array where a page object was expected"), array.getMessage());
        assertTrue(PagedList.page(M.readTree("{\"totalResults\":0}")).items()
            .isEmpty(), "SCIM may leave out Resources");
    }

    @Test
    void aTruncatedOrWronglyShapedListIsAnUpstreamErrorThroughTheClient() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            hub.on("GET", "/v2/cut/x").respond(200, "{\"count\": 5, \"results\": [{\"name\": \"a\"");
            hub.on("GET", "/v2/trailing/x").respond(200, "{\"count\": 0, \"results\": []} {\"more\": 1}");
            hub.on("GET", "/v2/array/x").respond(200, "[{\"name\": \"a\"}]");
            for (String p : List.of("cut", "trailing", "array")) {
                HubRequest r = HubRequest.get("/v2/{}/x", p).auth(HubAuth.NONE).build();
                ActionException e = assertThrows(ActionException.class,
                    () -> PagedList.walk(r).run(up.hub()), p);
                assertEquals(ErrorType.UPSTREAM, e.error().type(), p);
                assertFalse(e.getMessage().contains("Exception") || e.getMessage().contains("jackson"), e.getMessage());
            }
            ActionException cut = assertThrows(ActionException.class, () -> up.hub().send(
                HubRequest.get("/v2/{}/x", "cut").auth(HubAuth.NONE).build()));
            assertTrue(cut.getMessage().contains("not valid JSON (it ends early"), cut.getMessage());
        }
    }

    // walk(): the configurable form

    @Test
    void byPageNumberNeverSendsToTheLinkAndKeepsTheFirstQuery() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); FakeHub evil = FakeHub.start().requireAuth(false);
             DefaultUpstreams up = upstreams(hub)) {
            countShape(hub, evil.url());
            PagedList.Walked w = PagedList.walk(repos().query("page_size", 2).query("ordering", "name").build())
                .byPageNumber().run(up.hub());
            assertEquals(List.of("r0", "r1", "r2", "r3", "r4"), w.items().stream().map(i -> i.path("name").asText())
                .toList());
            assertTrue(w.complete());
            assertEquals(PagedList.Stop.END, w.stop());
            assertNull(w.resume());
            assertEquals(200, w.status());
            assertEquals(0, evil.requests().size());
            List<RecordedRequest> sent = hub.requests("GET", REPOS);
            assertEquals(List.of("1", "2", "3"), sent.stream().map(r -> r.queryParam("page").orElse("1")).toList());
            sent.forEach(r -> assertEquals("name", r.queryParam("ordering").orElseThrow()));
        }
    }

    @Test
    void aCutPageIsWhereToResume() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            countShape(hub, "https://hub.docker.com");
            PagedList.Walked w = PagedList.walk(repos().query("page", 1).query("page_size", 2).build()).byPageNumber()
                .maxItems(3).run(up.hub());
            assertEquals(3, w.items().size());
            assertEquals(PagedList.Stop.MAX_ITEMS, w.stop());
            assertEquals(2L, w.resumeAt("page"), "page 2 still holds r3");
            assertTrue(w.note().contains("continue from page 2"), w.note());
            assertEquals(2, hub.requests().size());

            PagedList.Walked even = PagedList.walk(repos().query("page", 1).query("page_size", 2).build())
                .byPageNumber().maxItems(4).run(up.hub());
            assertEquals(PagedList.Stop.MAX_ITEMS, even.stop());
            assertEquals(3L, even.resumeAt("page"), "page 2 was used up: continue with page 3");
            assertNull(even.resumeAt("startIndex"));
        }
    }

    @Test
    void pageBoundSaysWhereToContinue() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            countShape(hub, "https://hub.docker.com");
            PagedList.Walked w = PagedList.walk(repos().query("page", 1).query("page_size", 2).build()).byPageNumber()
                .maxPages(1).run(up.hub());
            assertEquals(PagedList.Stop.MAX_PAGES, w.stop());
            assertEquals(2L, w.resumeAt("page"));
            assertTrue(w.note().contains("1 pages") && w.note().contains("continue from page 2"), w.note());
        }
    }

    @Test
    void withoutPageSizeAFullPageOfTheUpstreamDefaultSuggestsAnother() {
        String path = "/v2/auditlogs/acme";
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            hub.on("GET", path).handle(req -> {
                ObjectNode body = M.createObjectNode();
                body.set("logs", items(0, param(req, "page", 1) == 1 ? 3 : 2));
                return FakeResponse.json(200, body);
            });
            PagedList.Walked w = PagedList.walk(HubRequest.get("/v2/auditlogs/{}", "acme").auth(HubAuth.NONE).build())
                .pageSize(3).repeatCheck(false).run(up.hub());
            assertTrue(w.complete());
            assertEquals(5, w.items().size(), "a full page of 3, then a short one");
            assertEquals(2, hub.requests().size());
            PagedList.Walked one = PagedList.walk(HubRequest.get("/v2/auditlogs/{}", "acme").query("page", 2)
                .auth(HubAuth.NONE).build()).pageSize(3).maxPages(1).run(up.hub());
            assertTrue(one.complete(), "2 < 3: the last page");
        }
    }

    @Test
    void repeatCheckCanBeTurnedOff() {
        String path = "/v2/auditlogs/acme";
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            hub.on("GET", path).handle(req -> {
                ObjectNode body = M.createObjectNode();
                body.set("logs", param(req, "page", 1) < 3 ? items(0, 2) : items(0, 1));
                return FakeResponse.json(200, body);
            });
            PagedList.Walked w = PagedList.walk(HubRequest.get("/v2/auditlogs/{}", "acme").query("page_size", 2)
                .auth(HubAuth.NONE).build()).repeatCheck(false).run(up.hub());
            assertTrue(w.complete());
            assertEquals(5, w.items().size(), "equal records on consecutive pages are kept");
        }
    }

    @Test
    void keepFiltersClientSideAndCountsWhatItScanned() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            countShape(hub, "https://hub.docker.com");
            PagedList.Walked w = PagedList.walk(repos().query("page_size", 2).build()).byPageNumber()
                .keep(i -> !i.path("name").asText().equals("r1") && !i.path("name").asText().equals("r2"))
                .run(up.hub());
            assertEquals(List.of("r0", "r3", "r4"), w.items().stream().map(i -> i.path("name").asText()).toList());
            assertEquals(5, w.scanned());
            assertTrue(w.complete());

            PagedList.Walked cut = PagedList.walk(repos().query("page_size", 2).build()).byPageNumber()
                .keep(i -> !i.path("name").asText().equals("r1")).maxItems(2).run(up.hub());
            assertEquals(List.of("r0", "r2"), cut.items().stream().map(i -> i.path("name").asText()).toList());
            assertEquals(PagedList.Stop.MAX_ITEMS, cut.stop(), "r3 matches too");
            assertEquals(2L, cut.resumeAt("page"));
        }
    }

    @Test
    void readerReadsAShapePageDoesNotKnow() {
        String path = "/v2/orgs/acme/members";
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            hub.on("GET", path).handle(req -> FakeResponse.json(200, "[{\"count\":3,\"next\":"
                + (param(req, "page", 1) == 1 ? "\"x?page=2\"" : "null") + ",\"results\":[{\"name\":\"m"
                + param(req, "page", 1) + "\"}]}]"));
            PagedList.Walked w = PagedList.walk(HubRequest.get("/v2/orgs/{}/members", "acme").auth(HubAuth.NONE)
                .build())
                .byPageNumber().reader(json -> PagedList.page(json.get(0))).run(up.hub());
            assertEquals(2, w.items().size());
            assertEquals(3L, w.total());
            assertTrue(w.complete());
        }
    }

    @Test
    void scimResumesInsideACutPageAndWithoutATotalStopsAtAShortPage() {
        String path = "/v2/scim/2.0/Users";
        try (FakeHub hub = FakeHub.start().scimToken("scim-t");
             DefaultUpstreams up = new DefaultUpstreams(UpstreamConfig.builder().hubUrl(hub.url())
                 .scimToken("scim-t").build())) {
            hub.on("GET", path).handle(req -> {
                int start = param(req, "startIndex", 1);
                ObjectNode body = M.createObjectNode().put("startIndex", start);
                body.set("Resources", items(start - 1, start < 5 ? 2 : 1));
                return FakeResponse.json(200, body);
            });
            HubRequest first = HubRequest.get("/v2/scim/2.0/Users").query("startIndex", 1).query("count", 2)
                .auth(HubAuth.SCIM).build();
            PagedList.Walked all = PagedList.walk(first).run(up.hub());
            assertTrue(all.complete(), "no totalResults: the short page at 5 is the last");
            assertEquals(5, all.items().size());
            assertEquals(3, all.pages());

            PagedList.Walked cut = PagedList.walk(first).maxItems(3).run(up.hub());
            assertEquals(PagedList.Stop.MAX_ITEMS, cut.stop());
            assertEquals(4L, cut.resumeAt("startIndex"));
            assertTrue(cut.note().contains("continue from startIndex 4"), cut.note());
        }
    }

    @Test
    void cancellationStopsBetweenPagesAndProgressIsReported() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            countShape(hub, "https://hub.docker.com");
            AtomicBoolean cancelled = new AtomicBoolean();
            List<String> progress = new ArrayList<>();
            ActionContext ctx = new ActionContext() {
                @Override
                public <T> T client(Class<T> type) {
                    if (type != HubClient.class) {
                        throw new UnsupportedOperationException();
                    }
                    return up.client(type);
                }

                public RateLimits rateLimits() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void progress(long done, Long total, String message) {
                    progress.add(done + "/" + total + " " + message);
                    cancelled.set(true);
                }

                @Override
                public boolean cancelled() {
                    return cancelled.get();
                }
            };
            PagedList.Walked w = PagedList.walk(repos().query("page_size", 2).build()).byPageNumber().context(ctx)
                .run(ctx.hub());
            assertEquals(PagedList.Stop.CANCELLED, w.stop());
            assertFalse(w.complete());
            assertEquals(1, hub.requests().size());
            assertEquals(2L, w.resumeAt("page"));
            assertEquals(List.of("2/5 read page 1"), progress);
        }
    }

    @Test
    void walkBoundsAreChecked() {
        HubRequest r = repos().build();
        assertThrows(IllegalArgumentException.class, () -> PagedList.walk(r).maxItems(0));
        assertThrows(IllegalArgumentException.class, () -> PagedList.walk(r).maxPages(0));
        assertThrows(IllegalArgumentException.class, () -> PagedList.walk(r).pageSize(0));
        assertThrows(NullPointerException.class, () -> PagedList.walk(null));
    }
}
