package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures what compact answers save: a realistic page of 100 multi-arch tags (eight platforms each, the fields the
 * Hub really sends), as an MCP client receives it (the envelope's JSON), compact against verbose. Prints the figures;
 * not timed.
 */
class CompactSizeTest {
    @Test
    void compactTagPageIsAFractionOfTheRawOne() throws Exception {
        try (HubFixture f = HubFixture.start(new ReposPlugin())) {
            String raw = Samples.JSON.writeValueAsString(Samples.realisticTagPage(100));
            f.hub().on("GET", "/v2/namespaces/library/repositories/nginx/tags").respond(FakeResponse.json(200, raw));
            int compact = bytes(f, "{\"repository\":\"nginx\",\"page_size\":100}");
            int verbose = bytes(f, "{\"repository\":\"nginx\",\"page_size\":100,\"verbose\":true}");
            int upstream = raw.getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("list_tags, 100 tags x 8 platforms: upstream body %,d B; verbose envelope %,d B; "
                    + "compact envelope %,d B (%.1f%% of verbose, %.1fx smaller)%n", upstream, verbose, compact,
                100.0 * compact / verbose, (double) verbose / compact);
            assertTrue(compact * 4 < verbose, "compact should be under a quarter of verbose: " + compact + " vs "
                + verbose);
            JsonNode first = f.ok("list_tags", "{\"repository\":\"nginx\",\"page_size\":100}").get("results").get(0);
            assertEquals(8, first.get("platforms").size(), "compact keeps every platform");
        }
    }

    private static int bytes(HubFixture f, String args) throws Exception {
        Result r = f.call("list_tags", args);
        return Samples.JSON.writeValueAsBytes(f.envelope(r)).length;
    }
}
