package dev.dockerhubmcp.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code dockerhub-mcp call … key=value}: each value takes the type the action's schema gives the parameter. */
class CliValueTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode type(String type) {
        return MAPPER.createObjectNode().put("type", type);
    }

    private static String json(String raw, JsonNode schema) {
        return Main.value(raw, schema).toString();
    }

    @Test
    void stringParametersKeepNumericAndBooleanLookingTextAsText() {
        assertEquals("\"1.25\"", json("1.25", type("string")));
        assertEquals("\"007\"", json("007", type("string")));
        assertEquals("\"true\"", json("true", type("string")));
        assertEquals("\"[1]\"", json("[1]", type("string")));
        assertEquals("\"{\\\"k\\\":\\\"v\\\"}\"", json("{\"k\":\"v\"}", type("string")), "params_json stays text");
    }

    @Test
    void quotesAroundAValueAreRemoved() {
        assertEquals("\"1.25\"", json("\"1.25\"", type("string")));
        assertEquals("\"1.25\"", json("'1.25'", type("string")));
        assertEquals("\"1.25\"", json("'1.25'", null), "a quoted untyped value is text");
        assertEquals("\"a'b\"", json("a'b", type("string")));
        assertEquals("\"\\\"\"", json("\"", type("string")), "a lone quote is the value itself");
        assertEquals("5", json("\"5\"", type("integer")));
    }

    @Test
    void numbersBooleansArraysAndObjectsParseOnlyWhereTheSchemaSaysSo() {
        assertEquals("5", json("5", type("integer")));
        assertEquals("1.5", json("1.5", type("number")));
        assertEquals("false", json("false", type("boolean")));
        assertEquals("[\"a\",\"b\"]", json("[\"a\",\"b\"]", type("array")));
        assertEquals("{\"k\":1}", json("{\"k\":1}", type("object")));
        // what does not parse stays text, so the schema check refuses it naming the field
        assertEquals("\"five\"", json("five", type("integer")));
        assertEquals("\"5 6\"", json("5 6", type("integer")));
        assertEquals("\"yes\"", json("yes", type("boolean")));
    }

    @Test
    void untypedValuesAreJsonWhenTheyParse() {
        assertEquals("5", json("5", null));
        assertEquals("true", json("true", null));
        assertEquals("\"library\"", json("library", null));
        assertEquals("\"1.2.3\"", json("1.2.3", null));
    }
}
