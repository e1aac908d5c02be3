package dev.dockerhubmcp.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates arguments against an action's input schema (the subset the plugins use: type, required, enum, pattern,
 * minLength/maxLength, minimum/maximum, minItems/maxItems, items, properties, additionalProperties) and names the
 * field and the rule in every message. Types are strict: a string is never taken for a number or a boolean
 * ({@code "5"}, {@code "true"} are refused), and a number outside what the field can hold is refused, never clamped.
 * A whole number sent as {@code 5.0} fills an integer field as {@code 5}.
 */
public final class SchemaCheck {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    /** How many problems {@link #summary(List)} names; the rest are counted. */
    public static final int SHOWN = 5;
    /** How many characters of a caller's value or field name a message repeats. */
    public static final int ECHO = 80;

    private SchemaCheck() {
    }

    /** The first {@value #SHOWN} problems joined by "; ", and how many more there are. */
    public static String summary(List<String> problems) {
        List<String> shown = problems.subList(0, Math.min(SHOWN, problems.size()));
        String out = String.join("; ", shown);
        int rest = problems.size() - shown.size();
        return rest == 0 ? out : out + "; and " + rest + " more problem" + (rest == 1 ? "" : "s") + " ("
            + problems.size() + " in all)";
    }

    /** {@code s} cut to {@value #ECHO} characters with an ellipsis, for repeating a caller's input. */
    public static String echo(String s) {
        return s.length() <= ECHO ? s : s.substring(0, ECHO - 1) + "…";
    }

    /**
     * Checks {@code args} in place (an integer field's value becomes a long).
     *
     * @return the problems found; empty when valid
     */
    public static List<String> check(JsonNode schema, ObjectNode args) {
        List<String> problems = new ArrayList<>();
        checkObject(schema, args, "", problems);
        return problems;
    }

    private static void checkObject(JsonNode schema, ObjectNode obj, String prefix, List<String> problems) {
        JsonNode props = schema.path("properties");
        for (JsonNode req : schema.path("required")) {
            JsonNode v = obj.get(req.asText());
            if (v == null || v.isNull()) {
                problems.add("'" + prefix + req.asText() + "' is required");
            }
        }
        boolean closed = schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true);
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        List<String> unknown = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode propSchema = props.get(e.getKey());
            if (propSchema == null) {
                if (closed) {
                    unknown.add(e.getKey());
                }
                continue;
            }
            if (e.getValue().isNull()) {
                continue;
            }
            JsonNode coerced = checkValue(propSchema, e.getValue(), prefix + e.getKey(), problems);
            if (coerced != e.getValue()) {
                e.setValue(coerced);
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown " + (unknown.size() == 1 ? "field " : "fields ") + quoteAll(unknown)
                + (prefix.isEmpty() ? "" : " in '" + prefix.substring(0, prefix.length() - 1) + "'")
                + "; allowed: " + String.join(", ", new TreeSet<>(fieldNames(props))));
        }
    }

    private static JsonNode checkValue(JsonNode schema, JsonNode value, String field, List<String> problems) {
        String type = schema.path("type").asText("");
        JsonNode v = value;
        switch (type) {
            case "string" -> {
                if (!v.isTextual()) {
                    problems.add("'" + field + "' must be a string");
                    return v;
                }
                String s = v.asText();
                if (schema.has("minLength") && s.length() < schema.get("minLength").asInt()) {
                    problems.add("'" + field + "' must be at least " + schema.get("minLength").asInt() + " characters");
                }
                if (schema.has("maxLength") && s.length() > schema.get("maxLength").asInt()) {
                    problems.add("'" + field + "' must be at most " + schema.get("maxLength").asInt()
                        + " characters (got " + s.length() + ")");
                }
                if (schema.has("pattern")) {
                    Pattern p = PATTERNS.computeIfAbsent(schema.get("pattern").asText(), SchemaCheck::compile);
                    if (!p.matcher(s).find()) {
                        problems.add("'" + field + "' does not match " + schema.get("pattern").asText() + " (got '"
                            + abbreviate(s) + "')");
                    }
                }
            }
            case "integer", "number" -> {
                String what = type.equals("integer") ? "an integer" : "a number";
                if (!v.isNumber()) {
                    problems.add("'" + field + "' must be " + what + (v.isTextual() ? " (got the text '"
                        + abbreviate(v.asText()) + "'; send a number, not a string)" : ""));
                    return value;
                }
                BigDecimal n = exact(v);
                if (n == null) {
                    problems.add("'" + field + "' is out of range (got " + v.asText() + ")");
                    return value;
                }
                if (type.equals("integer") && n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
                    problems.add("'" + field + "' must be an integer (got " + v.asText() + ")");
                    return value;
                }
                boolean inBounds = true;
                if (schema.has("minimum") && n.compareTo(schema.get("minimum").decimalValue()) < 0) {
                    problems.add("'" + field + "' must be at least " + schema.get("minimum").asText() + " (got "
                        + v.asText() + ")");
                    inBounds = false;
                }
                if (schema.has("maximum") && n.compareTo(schema.get("maximum").decimalValue()) > 0) {
                    problems.add("'" + field + "' must be at most " + schema.get("maximum").asText() + " (got "
                        + v.asText() + ")");
                    inBounds = false;
                }
                if (type.equals("integer") && inBounds) {
                    try {
                        v = LongNode.valueOf(n.longValueExact());
                    } catch (ArithmeticException e) {
                        problems.add("'" + field + "' is out of range (got " + v.asText() + ")");
                        return value;
                    }
                }
            }
            case "boolean" -> {
                if (!v.isBoolean()) {
                    problems.add("'" + field + "' must be true or false" + (v.isTextual() ? " (got the text '"
                        + abbreviate(v.asText()) + "'; send a boolean, not a string)" : ""));
                    return value;
                }
            }
            case "array" -> {
                if (!v.isArray()) {
                    problems.add("'" + field + "' must be an array");
                    return v;
                }
                if (schema.has("minItems") && v.size() < schema.get("minItems").asInt()) {
                    problems.add("'" + field + "' needs at least " + schema.get("minItems").asInt() + " item(s)");
                }
                if (schema.has("maxItems") && v.size() > schema.get("maxItems").asInt()) {
                    problems.add("'" + field + "' takes at most " + schema.get("maxItems").asInt() + " items");
                }
                JsonNode items = schema.get("items");
                if (items != null) {
                    com.fasterxml.jackson.databind.node.ArrayNode arr =
                        (com.fasterxml.jackson.databind.node.ArrayNode) v;
                    for (int i = 0; i < arr.size(); i++) {
                        JsonNode c = checkValue(items, arr.get(i), field + "[" + i + "]", problems);
                        if (c != arr.get(i)) {
                            arr.set(i, c);
                        }
                    }
                }
            }
            case "object" -> {
                if (!v.isObject()) {
                    problems.add("'" + field + "' must be an object");
                    return v;
                }
                if (schema.has("properties") || schema.has("required")) {
                    checkObject(schema, (ObjectNode) v, field + ".", problems);
                }
            }
            default -> {
                // no type constraint
            }
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray()) {
            boolean found = false;
            for (JsonNode a : allowed) {
                if (a.equals(v) || (a.isTextual() && v.isTextual() && a.asText().equals(v.asText()))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                List<String> names = new ArrayList<>();
                allowed.forEach(a -> names.add(a.asText()));
                problems.add("'" + field + "' must be one of " + String.join(", ", names) + " (got '"
                    + abbreviate(v.asText()) + "')");
            }
        }
        return v;
    }

    /** A number's exact value; null when it has none (infinite or not a number). */
    private static BigDecimal exact(JsonNode v) {
        if ((v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue())) {
            return null;
        }
        return v.decimalValue();
    }

    /**
     * A schema pattern as JSON Schema means it: a final {@code $} is the end of the value (Java's {@code $} would
     * also accept a value ending in a line break).
     */
    private static Pattern compile(String pattern) {
        boolean anchored = pattern.endsWith("$") && !pattern.endsWith("\\$");
        return Pattern.compile(anchored ? pattern.substring(0, pattern.length() - 1) + "\\z" : pattern);
    }

    private static List<String> fieldNames(JsonNode props) {
        List<String> out = new ArrayList<>();
        props.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String quoteAll(List<String> names) {
        List<String> q = new ArrayList<>();
        names.stream().limit(SHOWN).forEach(n -> q.add("'" + echo(n) + "'"));
        String out = String.join(", ", q);
        return names.size() <= SHOWN ? out : out + " and " + (names.size() - SHOWN) + " more";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
