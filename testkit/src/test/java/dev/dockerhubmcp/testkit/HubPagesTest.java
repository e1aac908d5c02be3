package dev.dockerhubmcp.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.http.Credentials;
import dev.dockerhubmcp.api.http.DefaultUpstreams;
import dev.dockerhubmcp.api.http.UpstreamConfig;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubPages;
import dev.dockerhubmcp.api.hub.HubRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubPagesTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final String REPOS = "/v2/namespaces/acme/repositories";

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

    private static List<String> names(HubPages.All all) {
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
            HubPages.All all = HubPages.all(up.hub(), repos().query("page_size", 2).query("ordering", "name").build(),
                100);
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
            HubPages.All all = HubPages.all(up.hub(), repos().query("page_size", 2).build(), 100);
            assertEquals(5, all.items().size());
            assertTrue(all.complete());
        }
    }

    @Test
    void stopsAtMaxItemsAndSaysSo() {
        try (FakeHub hub = FakeHub.start().requireAuth(false); DefaultUpstreams up = upstreams(hub)) {
            countShape(hub, hub.url());
            HubPages.All all = HubPages.all(up.hub(), repos().query("page_size", 2).build(), 3);
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
            HubPages.All all = HubPages.all(up.hub(), repos().query("page_size", 5).build(), 5);
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
            HubPages.All all = HubPages.all(up.hub(), repos().query("page_size", 2).build(), 100);
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
            HubPages.All all = HubPages.all(up.hub(), repos().build(), 100);
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
            HubPages.All all = HubPages.all(up.hub(), repos().build(), 100);
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
            HubPages.All all = HubPages.all(up.hub(), HubRequest.get("/v2/orgs/{}/access-tokens", "acme")
                .query("page_size", 2).auth(HubAuth.NONE).build(), 100);
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
            HubPages.All all = HubPages.all(up.hub(), HubRequest.get("/v2/auditlogs/{}", "acme")
                .query("page_size", 2).query("action", "repo.tag.push").auth(HubAuth.NONE).build(), 100);
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
            HubPages.All all = HubPages.all(up.hub(), HubRequest.get("/v2/auditlogs/{}", "acme").auth(HubAuth.NONE)
                .build(), 100);
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
            HubPages.All all = HubPages.all(up.hub(), HubRequest.get("/v2/orgs/{}/invites", "acme")
                .auth(HubAuth.NONE).build(), 100);
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
            HubPages.All all = HubPages.all(up.hub(), HubRequest.get("/v2/scim/2.0/Users").query("count", 2)
                .auth(HubAuth.SCIM).build(), 100);
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
            HubPages.All all = HubPages.all(up.hub(), HubRequest.get("/v2/auditlogs/{}", "acme").query("page_size", 2)
                .auth(HubAuth.NONE).build(), 1000, 4);
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
            HubPages.All all = HubPages.all(up.hub(), HubRequest.get("/v2/auditlogs/{}", "acme").query("page_size", 2)
                .auth(HubAuth.NONE).build(), 1000);
            assertEquals(2, all.items().size());
            assertFalse(all.complete());
            assertTrue(all.note().contains("repeated"), all.note());
            assertEquals(2, hub.requests().size());
        }
    }

    @Test
    void boundsAreChecked() {
        try (FakeHub hub = FakeHub.start(); DefaultUpstreams up = upstreams(hub)) {
            assertThrows(IllegalArgumentException.class, () -> HubPages.all(up.hub(), repos().build(), 0));
            assertThrows(IllegalArgumentException.class, () -> HubPages.all(up.hub(), repos().build(), 1, 0));
        }
    }

    @Test
    void readsEveryShape() throws Exception {
        HubPages.Page count = HubPages.page(M.readTree(
            "{\"count\":7,\"next\":\"https://hub.docker.com/v2/x?page=2\",\"previous\":null,\"results\":[{},{}]}"));
        assertEquals(HubPages.Shape.COUNT, count.shape());
        assertEquals(7L, count.total());
        assertEquals(2, count.items().size());
        assertEquals("https://hub.docker.com/v2/x?page=2", count.next());
        assertNull(count.previous());

        HubPages.Page total = HubPages.page(M.readTree("{\"total\":3,\"data\":[{}]}"));
        assertEquals(HubPages.Shape.TOTAL, total.shape());
        assertEquals(3L, total.total());
        assertEquals(1, total.items().size());

        assertEquals(HubPages.Shape.LOGS, HubPages.page(M.readTree("{\"logs\":[{}]}")).shape());
        assertEquals(HubPages.Shape.DATA, HubPages.page(M.readTree("{\"data\":[]}")).shape());
        HubPages.Page scim = HubPages.page(M.readTree(
            "{\"totalResults\":\"9\",\"startIndex\":4,\"itemsPerPage\":3,\"Resources\":[{},{},{}]}"));
        assertEquals(HubPages.Shape.SCIM, scim.shape());
        assertEquals(9L, scim.total());
        assertEquals(4L, scim.startIndex());
        assertEquals(3L, scim.itemsPerPage());
        assertEquals(HubPages.Shape.ARRAY, HubPages.page(M.readTree("[1,2]")).shape());
        JsonNode odd = M.readTree("{\"name\":\"x\"}");
        assertEquals(HubPages.Shape.UNKNOWN, HubPages.page(odd).shape());
        assertTrue(HubPages.page(null).items().isEmpty());
    }
}
