package dev.dockerhubmcp.engine.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaCheckTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectNode SCHEMA = Schema.object()
        .required("namespace", Schema.string("ns").pattern(Patterns.NAMESPACE))
        .optional("page_size", Schema.integer("size").min(1).max(100))
        .optional("verbose", Schema.bool("raw"))
        .optional("ordering", Schema.string("order").enumOf("name", "-name"))
        .optional("label", Schema.string("label").minLength(1).maxLength(5))
        .optional("scopes", Schema.array(Schema.string("scope").enumOf("repo:read", "repo:write"), "scopes").minItems(1))
        .optional("settings", Schema.objectProp(Schema.object().required("enabled", Schema.bool("on")), "settings"))
        .optional("total", Schema.integer("bytes").min(0))
        .optional("ratio", Schema.number("a fraction"))
        .optional("sizes", Schema.array(Schema.integer("a size"), "sizes"))
        .build();

    private static ObjectNode args(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json);
    }

    @Test
    void validArgumentsPassAndWholeNumbersFillIntegerFields() throws Exception {
        ObjectNode a = args("{\"namespace\":\"library\",\"page_size\":25.0,\"verbose\":true,"
            + "\"total\":9223372036854775807,\"ratio\":0.5,\"sizes\":[1,2e3]}");
        assertEquals(List.of(), SchemaCheck.check(SCHEMA, a));
        assertEquals(25L, a.get("page_size").longValue());
        assertTrue(a.get("page_size").isIntegralNumber());
        assertEquals(Long.MAX_VALUE, a.get("total").longValue());
        assertEquals("[1,2000]", a.get("sizes").toString());
    }

    @Test
    void stringsAreNeverTakenForNumbersOrBooleans() throws Exception {
        ObjectNode a = args("{\"namespace\":\"library\",\"page_size\":\"5\",\"verbose\":\"true\","
            + "\"ratio\":\"0.5\",\"sizes\":[\"1\"]}");
        List<String> problems = SchemaCheck.check(SCHEMA, a);
        assertEquals(List.of("'page_size' must be an integer (got the text '5'; send a number, not a string)",
            "'verbose' must be true or false (got the text 'true'; send a boolean, not a string)",
            "'ratio' must be a number (got the text '0.5'; send a number, not a string)",
            "'sizes[0]' must be an integer (got the text '1'; send a number, not a string)"), problems);
        assertTrue(a.get("page_size").isTextual(), "nothing converted");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|'namespace' is required",
        "{\"namespace\":\"Bad Name\"}|'namespace' does not match",
        "{\"namespace\":\"a1\",\"page_size\":0}|'page_size' must be at least 1 (got 0)",
        "{\"namespace\":\"a1\",\"page_size\":101}|'page_size' must be at most 100 (got 101)",
        "{\"namespace\":\"a1\",\"page_size\":\"lots\"}|'page_size' must be an integer (got the text 'lots'",
        "{\"namespace\":\"a1\",\"page_size\":1e308}|'page_size' must be at most 100 (got 1.0E308)",
        "{\"namespace\":\"a1\",\"total\":1e308}|'total' is out of range (got 1.0E308)",
        "{\"namespace\":\"a1\",\"total\":9223372036854775808}|'total' is out of range (got 9223372036854775808)",
        "{\"namespace\":\"a1\",\"total\":-1e19}|'total' must be at least 0",
        "{\"namespace\":\"a1\",\"ratio\":1e999}|'ratio' is out of range",
        "{\"namespace\":\"a1\",\"sizes\":[1e300]}|'sizes[0]' is out of range",
        "{\"namespace\":\"a1\",\"total\":1.5}|'total' must be an integer (got 1.5)",
        "{\"namespace\":\"a1\",\"page_size\":2.5}|'page_size' must be an integer",
        "{\"namespace\":\"a1\",\"verbose\":\"maybe\"}|'verbose' must be true or false",
        "{\"namespace\":\"a1\",\"ordering\":\"stars\"}|'ordering' must be one of name, -name (got 'stars')",
        "{\"namespace\":\"a1\",\"label\":\"\"}|'label' must be at least 1 characters",
        "{\"namespace\":\"a1\",\"label\":\"toolong\"}|'label' must be at most 5 characters (got 7)",
        "{\"namespace\":\"a1\",\"scopes\":[]}|'scopes' needs at least 1 item(s)",
        "{\"namespace\":\"a1\",\"scopes\":[\"repo:admin\"]}|'scopes[0]' must be one of repo:read, repo:write",
        "{\"namespace\":\"a1\",\"scopes\":\"repo:read\"}|'scopes' must be an array",
        "{\"namespace\":\"a1\",\"settings\":{}}|'settings.enabled' is required",
        "{\"namespace\":\"a1\",\"settings\":{\"enabled\":true,\"x\":1}}|unknown field 'x' in 'settings'",
        "{\"namespace\":\"a1\",\"bogus\":1}|unknown field 'bogus'; allowed: label, namespace, ordering",
        "{\"namespace\":7}|'namespace' must be a string",
    })
    void eachProblemNamesTheFieldAndTheRule(String json, String expected) throws Exception {
        List<String> problems = SchemaCheck.check(SCHEMA, args(json));
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), problems + " should contain: " + expected);
    }

    @Test
    void aPatternsEndIsTheValuesEndNotALineBreakBeforeIt() throws Exception {
        List<String> problems = SchemaCheck.check(SCHEMA, args("{\"namespace\":\"acme\\n\"}"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("'namespace' does not match"), problems.toString());
        ObjectNode digest = Schema.object().required("d", Schema.string("d").pattern(Patterns.DIGEST)).build();
        assertEquals(1, SchemaCheck.check(digest, args("{\"d\":\"sha256:" + "a".repeat(64) + "\\n\"}")).size());
        assertTrue(SchemaCheck.check(digest, args("{\"d\":\"sha256:" + "a".repeat(64) + "\"}")).isEmpty());
    }

    @Test
    void summaryNamesTheFirstFewAndCountsTheRest() {
        assertEquals("a; b", SchemaCheck.summary(List.of("a", "b")));
        assertEquals("1; 2; 3; 4; 5; and 2 more problems (7 in all)",
            SchemaCheck.summary(List.of("1", "2", "3", "4", "5", "6", "7")));
    }

    @Test
    void nullsCountAsAbsent() throws Exception {
        assertEquals(List.of("'namespace' is required"), SchemaCheck.check(SCHEMA, args("{\"namespace\":null}")));
        assertEquals(List.of(), SchemaCheck.check(SCHEMA, args("{\"namespace\":\"a1\",\"page_size\":null}")));
    }
}
