package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.testkit.FakeResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExportMembersTest extends HubActionTest {
    static final String CSV = "Name,Username,Email,Type,Permission,Teams,Date Joined\r\n"
        + "Jon Snow,jonsnow,jon@acme.io,User,Owner,\"owners, devs\",2020-01-01 15:00:51.193355 +0000 UTC\r\n"
        + "\"Arya \"\"No One\"\" Stark\",arya,arya@acme.io,User,Member,\"devs\",2021-02-03 10:00:00 +0000 UTC\r\n";

    @Override
    DockerHubPlugin plugin() {
        return new OrgPlugin();
    }

    @Override
    String action() {
        return "export_members";
    }

    @Override
    Call success() {
        return Call.of("{\"org\":\"acme\"}", "GET", "/v2/orgs/acme/members/export",
            FakeResponse.text(200, "text/csv", CSV)).accept("text/csv");
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(new Bad("{}", "org"), new Bad("{\"org\":\"ac me\"}", "org"),
            new Bad("{\"org\":\"acme\",\"verbose\":true}", "verbose"));
    }

    @Override
    void checkSuccess(JsonNode env) {
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
        hub.on("GET", "/v2/orgs/acme/members/export").respond(FakeResponse.text(200, "text/csv",
            "Name,Username,Email,Type,Permission,Teams,Date Joined\n"));
        assertEquals(0, call("{\"org\":\"acme\"}").path("data").path("rows").asInt());
    }
}
