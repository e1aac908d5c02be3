package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.testkit.FakeResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListUsersTest extends ScimActionTest {
    static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":"
        + "\"d80f7c79-7730-49d8-9a41-7c42fb622d9c\",\"userName\":\"jon.snow@docker.com\",\"name\":{\"givenName\":"
        + "\"Jon\",\"familyName\":\"Snow\"},\"displayName\":\"jonsnow\",\"active\":true,\"emails\":[{\"value\":"
        + "\"jon.snow@docker.com\",\"display\":\"jon.snow@docker.com\",\"primary\":true}],\"groups\":[{\"value\":"
        + "\"nightswatch\",\"display\":\"nightswatch\"}],\"meta\":{\"resourceType\":\"User\",\"location\":"
        + "\"https://hub.docker.com/v2/scim/2.0/Users/d80f7c79-7730-49d8-9a41-7c42fb622d9c\"}}";

    @Override
    String action() {
        return "list_users";
    }

    @Override
    Call success() {
        return Call.of("{\"startIndex\":1,\"count\":1,\"filter\":\"userName eq \\\"jon.snow@docker.com\\\"\","
                + "\"attributes\":\"userName,displayName,name.givenName\",\"sortBy\":\"userName\","
                + "\"sortOrder\":\"descending\"}", "GET", "/v2/scim/2.0/Users",
                scim(200, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":3,"
                    + "\"startIndex\":1,\"itemsPerPage\":1,\"resources\":[" + USER + "]}"))
            .query("startIndex", "1", "count", "1", "filter", "userName eq \"jon.snow@docker.com\"",
                "attributes", "userName,displayName,name.givenName", "sortOrder", "descending", "sortBy", "userName");
    }

    @Override
    Stream<Bad> invalid() {
        return Stream.of(
            new Bad("{\"startIndex\":0}", "startIndex"),
            new Bad("{\"count\":0}", "count"),
            new Bad("{\"count\":201}", "count"),
            new Bad("{\"count\":\"ten\"}", "count"),
            new Bad("{\"sortOrder\":\"up\"}", "sortOrder"),
            new Bad("{\"sortBy\":\"user name\"}", "sortBy"),
            new Bad("{\"attributes\":\"userName, displayName\"}", "attributes"),
            new Bad("{\"filter\":\"\"}", "filter"),
            new Bad("{\"max_items\":10}", "max_items"),
            new Bad("{\"all_pages\":true,\"max_items\":0}", "max_items"),
            new Bad("{\"page\":1}", "page"));
    }

    @Override
    void checkSuccess(JsonNode env) {
        JsonNode data = env.path("data");
        assertEquals(3, data.path("totalResults").asInt());
        assertEquals(2, data.path("next_start_index").asInt());
        assertEquals(parse("{\"id\":\"d80f7c79-7730-49d8-9a41-7c42fb622d9c\",\"userName\":\"jon.snow@docker.com\","
            + "\"displayName\":\"jonsnow\",\"active\":true,\"name\":{\"givenName\":\"Jon\",\"familyName\":\"Snow\"},"
            + "\"groups\":[\"nightswatch\"]}"), data.path("items").get(0));
    }

    @Test
    void lastPageHasNoNextIndexAndNoParametersUnlessAsked() {
        hub.on("GET", "/v2/scim/2.0/Users").respond(scim(200, "{\"totalResults\":1,\"startIndex\":1,"
            + "\"itemsPerPage\":1,\"Resources\":[" + USER + "]}"));
        JsonNode data = call("{}").path("data");
        assertTrue(data.path("next_start_index").isNull());
        assertEquals("", hub.lastRequest().query());
    }

    @Test
    void allPagesAdvancesStartIndexUntilTotalResults() {
        hub.on("GET", "/v2/scim/2.0/Users").handle(req -> {
            int start = Integer.parseInt(req.queryParam("startIndex").orElseThrow());
            int count = Integer.parseInt(req.queryParam("count").orElseThrow());
            int n = Math.max(0, Math.min(count, 5 - start + 1));
            String users = IntStream.range(0, n).mapToObj(i -> USER).collect(Collectors.joining(","));
            return scim(200, "{\"totalResults\":5,\"startIndex\":" + start + ",\"itemsPerPage\":" + n
                + ",\"Resources\":[" + users + "]}");
        });
        JsonNode data = call("{\"all_pages\":true,\"count\":2}").path("data");
        assertEquals(5, data.path("items").size());
        assertEquals(3, data.path("pages_fetched").asInt());
        assertFalse(data.path("truncated").asBoolean());
        assertEquals(List.of("1", "3", "5"), hub.requests("GET", "/v2/scim/2.0/Users").stream()
            .map(r -> r.queryParam("startIndex").orElseThrow()).toList());

        hub.clearRequests();
        JsonNode capped = call("{\"all_pages\":true,\"count\":2,\"max_items\":3}");
        assertEquals(3, capped.path("data").path("items").size());
        assertTrue(capped.path("data").path("truncated").asBoolean());
        assertEquals(2, hub.requests().size());
        assertTrue(capped.path("warnings").get(0).asText().contains("max_items"));
        assertTrue(capped.path("warnings").get(0).asText().contains("continue from startIndex 4"), capped::toString);
    }

    @Test
    void invalidFilterKeepsScimType() {
        hub.on("GET", "/v2/scim/2.0/Users").respond(scimError(400, "invalidFilter", "Bad filter"));
        JsonNode env = call("{\"filter\":\"userName zz 1\"}");
        assertTrue(message(env).contains("Bad filter") && message(env).contains("scimType: invalidFilter"),
            env::toString);
    }

    @Test
    void allPagesStopsOnAnEmptyPage() {
        hub.on("GET", "/v2/scim/2.0/Users").respond(FakeResponse.json(200, "{\"Resources\":[]}"));
        JsonNode env = call("{\"all_pages\":true}");
        JsonNode data = env.path("data");
        assertEquals(1, data.path("pages_fetched").asInt(), env::toString);
        assertEquals(0, data.path("items").size());
    }
}
