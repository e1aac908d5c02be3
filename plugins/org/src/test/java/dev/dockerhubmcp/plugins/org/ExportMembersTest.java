package dev.dockerhubmcp.plugins.org;

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

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class ExportMembersTest {
    static final String CSV = "Name,Username,Email,Type,Permission,Teams,Date Joined\r\n"
        + "Jon Snow,jonsnow,jon@acme.io,User,Owner,\"owners, devs\",2020-01-01 15:00:51.193355 +0000 UTC\r\n"
        + "\"Arya \"\"No One\"\" Stark\",arya,arya@acme.io,User,Member,\"devs\",2021-02-03 10:00:00 +0000 UTC\r\n";

    private final HubFixture f = HubFixture.destructive(new OrgPlugin());

    @AfterEach
    void closeHub() {
        f.close();
    }

    @TestFactory
    Stream<DynamicTest> hubCases() {
        return HubActionCases.of(new OrgPlugin(), "export_members")
            .success(success())
            .invalid(invalid())
            .check(ExportMembersTest::checkSuccess)
            .cases().map(c -> dynamicTest(c.name(), c::run));
    }

    static HubCall success() {
        return HubCall.of("{\"org\":\"acme\"}", "GET", "/v2/orgs/acme/members/export",
            FakeResponse.text(200, "text/csv", CSV)).accept("text/csv");
    }

    static Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "org"), new Bad("{\"org\":\"ac me\"}", "org"),
            new Bad("{\"org\":\"acme\",\"verbose\":true}", "verbose"));
    }

    static void checkSuccess(JsonNode env) {
        JsonNode data = env.path("data");
        assertEquals(CSV, data.path("csv").asText());
        assertEquals(2, data.path("rows").asInt());
        assertEquals(7, data.path("columns").size());
        assertEquals("Date Joined", data.path("columns").get(6).asText());
    }

    @Test
    void csvReaderCountsQuotedLineBreaksAsOneRecord() {
        List<List<String>> rows = Csv.parse("a,b\n\"x\ny\",\"1,2\"\n\nlast,\"q\"\"q\"");
        assertEquals(3, rows.size());
        assertEquals(List.of("x\ny", "1,2"), rows.get(1));
        assertEquals(List.of("last", "q\"q"), rows.get(2));
        assertEquals(0, Csv.parse("").size());
    }

    @Test
    void headerOnlyExportHasNoRows() {
        f.hub().on("GET", "/v2/orgs/acme/members/export").respond(FakeResponse.text(200, "text/csv",
            "Name,Username,Email,Type,Permission,Teams,Date Joined\n"));
        assertEquals(0, f.envelope("export_members", "{\"org\":\"acme\"}").path("data").path("rows").asInt());
    }
}
