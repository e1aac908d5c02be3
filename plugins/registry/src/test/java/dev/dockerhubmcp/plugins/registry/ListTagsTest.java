package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.testkit.registry.FakeRegistry;
import dev.dockerhubmcp.testkit.registry.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.dockerhubmcp.plugins.registry.Fixture.call;
import static dev.dockerhubmcp.plugins.registry.Fixture.codes;
import static dev.dockerhubmcp.plugins.registry.Fixture.failed;
import static dev.dockerhubmcp.plugins.registry.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListTagsTest {
    static Fixture f;

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void listsTagsOfTheRealRegistry() {
        TestImages.Image img = TestImages.image("linux/amd64", "tags");
        for (String t : List.of("v1", "v2", "latest")) {
            TestImages.push(f.client(), "team/tags", t, img);
        }
        JsonNode d = ok(call(f.alice(), "list_tags", "repository", "team/tags"));
        assertEquals(List.of("latest", "v1", "v2"), texts(d.path("tags")));
        assertEquals(3, d.path("count").asInt());
        assertNull(d.get("next_last"));
    }

    @Test
    void followsLinkHeadersWithNAndLast() {
        try (FakeRegistry fake = FakeRegistry.start(); var h = FakeFixture.harness(fake, false)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                names.add(String.format("t%02d", i));
            }
            fake.addTags("team/app", names);
            JsonNode first = ok(call(h, "list_tags", "repository", "team/app", "n", 10));
            assertEquals(names.subList(0, 10), texts(first.path("tags")));
            assertEquals("t09", first.path("next_last").asText());

            JsonNode second = ok(call(h, "list_tags", "repository", "team/app", "n", 10, "last", "t09"));
            assertEquals(names.subList(10, 20), texts(second.path("tags")));

            fake.clearRequests();
            JsonNode all = ok(call(h, "list_tags", "repository", "team/app", "n", 10, "all_pages", true));
            assertEquals(names, texts(all.path("tags")));
            assertEquals(3, all.path("pages").asInt());
            assertNull(all.get("next_last"));
            assertEquals(List.of("GET /v2/team/app/tags/list?n=10", "GET /v2/team/app/tags/list?n=10&last=t09",
                "GET /v2/team/app/tags/list?n=10&last=t19"), fake.requests());

            var capped = call(h, "list_tags", "repository", "team/app", "n", 10, "all_pages", true, "max_items", 15);
            assertEquals(names.subList(0, 15), texts(ok(capped).path("tags")));
            assertEquals("t14", ok(capped).path("next_last").asText());
            assertFalse(capped.warnings().isEmpty());
        }
    }

    @Test
    void nullTagsMeansNone() {
        try (FakeRegistry fake = FakeRegistry.start(); var h = FakeFixture.harness(fake, false)) {
            fake.failNext(1, 200, Map.of(), "{\"name\":\"team/empty\",\"tags\":null}");
            JsonNode d = ok(call(h, "list_tags", "repository", "team/empty"));
            assertEquals(0, d.path("count").asInt());
            assertTrue(d.path("tags").isArray());
        }
    }

    static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }
}
