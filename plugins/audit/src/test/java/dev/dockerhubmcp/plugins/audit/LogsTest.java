package dev.dockerhubmcp.plugins.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.hub.HubActionCases;
import dev.dockerhubmcp.testkit.hub.HubActionCases.Bad;
import dev.dockerhubmcp.testkit.hub.HubCall;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class LogsTest {
    static final String EVENT = "{\"account\":\"acme\",\"action\":\"repo.tag.push\",\"name\":\"acme/web\","
        + "\"actor\":\"jonsnow\",\"data\":{\"digest\":\"sha256:c1ae\",\"tag\":\"latest\"},\"timestamp\":"
        + "\"2024-05-01T01:34:35Z\",\"action_description\":\"pushed the tag latest\"}";

    private final HubFixture f = HubFixture.destructive(new AuditPlugin());

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new AuditPlugin(), "logs")
            .success(success())
            .invalid(invalid())
            .check(LogsTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"account\":\"acme\",\"event_action\":\"repo.tag.push\",\"name\":\"acme/web\","
                + "\"actor\":\"jonsnow\",\"from\":\"2024-05-01\",\"to\":\"2024-05-02T12:30:00+02:00\",\"page\":2,"
                + "\"page_size\":1}", "GET",
                "/v2/auditlogs/acme", FakeResponse.json(200, "{\"logs\":[" + EVENT + "]}"))
            .query("action", "repo.tag.push", "name", "acme/web", "actor", "jonsnow", "from", "2024-05-01T00:00:00Z",
                "to", "2024-05-02T10:30:00Z", "page", "2", "page_size", "1");
    }

    static Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{}", "account"),
            new Bad("{\"account\":\"Acme Corp\"}", "account"),
            new Bad("{\"account\":\"acme\",\"from\":\"yesterday\"}", "from"),
            new Bad("{\"account\":\"acme\",\"from\":\"05/01/2024\"}", "from"),
            new Bad("{\"account\":\"acme\",\"from\":\"2024-02-30\"}", "from"),
            new Bad("{\"account\":\"acme\",\"to\":\"2024-05-01T25:00:00Z\"}", "to"),
            new Bad("{\"account\":\"acme\",\"to\":1714521600}", "to"),
            new Bad("{\"account\":\"acme\",\"from\":\"2024-05-02\",\"to\":\"2024-05-01\"}", "from"),
            new Bad("{\"account\":\"acme\",\"event_action\":\"Repo Tag Push\"}", "event_action"),
            new Bad("{\"account\":\"acme\",\"actor\":\"Jon Snow\"}", "actor"),
            new Bad("{\"account\":\"acme\",\"page_size\":101}", "page_size"),
            new Bad("{\"account\":\"acme\",\"page\":0}", "page"),
            new Bad("{\"account\":\"acme\",\"max_items\":3}", "max_items"));
    }

    static void checkSuccess(JsonNode env) {
        JsonNode data = env.path("data");
        assertTrue(data.path("count").isNull(), "the audit log reports no total");
        assertEquals(3, data.path("next_page").asInt(), "a full page suggests another");
        JsonNode e = data.path("items").get(0);
        assertEquals("repo.tag.push", e.path("action").asText());
        assertEquals("latest", e.path("data").path("tag").asText());
        assertFalse(e.has("account"), "compact drops the account the caller named");
    }

    @ParameterizedTest
    @CsvSource({
        "2024-05-01,                  2024-05-01T00:00:00Z, false",
        "2024-05-01,                  2024-05-01T23:59:59.999999999Z, true",
        "2024-05-01T13:00,            2024-05-01T13:00:00Z, false",
        "2024-05-01T13:00:05.250Z,    2024-05-01T13:00:05.250Z, false",
        "2024-05-01 13:00:00-05:00,   2024-05-01T18:00:00Z, true",
    })
    void windowBoundsAreSentAsUtcDateTimes(String given, String sent, boolean isTo) {
        f.hub().on("GET", "/v2/auditlogs/acme").respond(200, "{\"logs\":[]}");
        String field = isTo ? "to" : "from";
        assertFalse(f.envelope("logs", "{\"account\":\"acme\",\"" + field + "\":\"" + given + "\"}").has("error"));
        assertEquals(sent, f.hub().lastRequest().queryParam(field).orElseThrow());
    }

    @Test
    void shortPageEndsTheLog() {
        f.hub().on("GET", "/v2/auditlogs/acme").respond(200, "{\"logs\":[" + EVENT + "]}");
        JsonNode data = f.envelope("logs", "{\"account\":\"acme\"}").path("data");
        assertTrue(data.path("next_page").isNull(), "1 event < the upstream default of 25");
        assertEquals("", f.hub().lastRequest().query());
    }

    @Test
    void allPagesStopsAtAShortPage() {
        String full = IntStream.range(0, 3).mapToObj(i -> EVENT).collect(Collectors.joining(","));
        f.hub().on("GET", "/v2/auditlogs/acme").handle(req -> FakeResponse.json(200, "{\"logs\":["
            + (req.queryParam("page").orElseThrow().equals("3") ? EVENT : full) + "]}"));
        JsonNode data = f.envelope("logs", "{\"account\":\"acme\",\"all_pages\":true,\"page_size\":3,\"verbose\":true}")
            .path("data");
        assertEquals(7, data.path("items").size());
        assertEquals(3, data.path("pages_fetched").asInt());
        assertFalse(data.path("truncated").asBoolean());
        assertEquals("acme", data.path("items").get(0).path("account").asText(), "verbose keeps every field");
        assertEquals(List.of("1", "2", "3"), f.hub().requests("GET", "/v2/auditlogs/acme").stream()
            .map(r -> r.queryParam("page").orElseThrow()).toList());
    }
}
