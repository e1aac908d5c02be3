package dev.dockerhubmcp.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Typed accessors never coerce or clamp: another type, or a number the type cannot hold, names the field. */
class ArgumentsTest {
    private static Arguments args(String json) throws Exception {
        return Arguments.of((ObjectNode) new ObjectMapper().readTree(json));
    }

    private static void refused(String expected, org.junit.jupiter.api.function.Executable call) {
        ActionException e = assertThrows(ActionException.class, call);
        assertEquals(ErrorType.VALIDATION, e.error().type());
        assertEquals(expected, e.error().message());
    }

    @Test
    void integersAreExactOrRefused() throws Exception {
        Arguments a = args("{\"n\":7,\"big\":9223372036854775807,\"huge\":1e308,\"wide\":99999999999999999999,"
            + "\"text\":\"5\",\"int\":3000000000}");
        assertEquals(7, a.integer("n", 0));
        assertEquals(Long.MAX_VALUE, a.longValue("big", 0));
        assertEquals(4, a.integer("absent", 4));
        refused("'huge' must be an integer", () -> a.optLong("huge"));
        refused("'wide' is out of range (got 99999999999999999999)", () -> a.optLong("wide"));
        refused("'text' must be an integer", () -> a.integer("text", 0));
        refused("'int' is out of range (got 3000000000)", () -> a.integer("int", 0));
        assertEquals(3000000000L, a.longValue("int", 0));
    }

    @Test
    void booleansAreBooleansOnly() throws Exception {
        Arguments a = args("{\"on\":false,\"text\":\"true\",\"one\":1}");
        assertEquals(false, a.bool("on", true));
        assertEquals(true, a.bool("absent", true));
        refused("'text' must be true or false", () -> a.bool("text", false));
        refused("'one' must be true or false", () -> a.optBool("one"));
    }
}
