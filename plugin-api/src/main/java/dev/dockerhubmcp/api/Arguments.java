package dev.dockerhubmcp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The arguments of one call, already validated by the host against the action's input schema (types,
 * required fields, enums, patterns, bounds). Accessors for required fields can therefore assume presence. Typed
 * accessors never coerce or clamp: a value of another type, or a number the type cannot hold, is a validation
 * error naming the field.
 */
public final class Arguments {
    private final ObjectNode values;

    public Arguments(ObjectNode values) {
        this.values = requireNonNull(values, "values is null").deepCopy();
    }

    public static Arguments of(ObjectNode values) {
        return new Arguments(values);
    }

    public static Arguments empty() {
        return new Arguments(JsonNodeFactory.instance.objectNode());
    }

    public boolean has(String name) {
        JsonNode v = values.get(name);
        return v != null && !v.isNull();
    }

    /** A required string (throws a validation error naming the field if absent). */
    public String string(String name) {
        return optString(name).orElseThrow(() -> ActionException.validation("'" + name + "' is required"));
    }

    public Optional<String> optString(String name) {
        JsonNode v = values.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        return Optional.of(v.isTextual() ? v.textValue() : v.toString());
    }

    /** An optional file path (a validation error naming the field when it is not a valid path, e.g. has NUL). */
    public Optional<java.nio.file.Path> optPath(String name) {
        return optString(name).map(v -> toPath(name, v));
    }

    /** {@code value} as a file path, or a validation error naming {@code field} (NUL and the like). */
    public static java.nio.file.Path toPath(String field, String value) {
        try {
            return java.nio.file.Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw ActionException.validation("'" + field + "' is not a valid file path");
        }
    }

    public String string(String name, String fallback) {
        return optString(name).orElse(fallback);
    }

    public Optional<Long> optLong(String name) {
        JsonNode v = values.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber()) {
            throw ActionException.validation("'" + name + "' must be an integer");
        }
        if (!v.canConvertToLong()) {
            throw ActionException.validation("'" + name + "' is out of range (got " + v.asText() + ")");
        }
        return Optional.of(v.longValue());
    }

    /** An integer argument, saturated to the int range (never wrapped round to a negative). */
    public int integer(String name, int fallback) {
        Optional<Long> v = optLong(name);
        if (v.isPresent() && (v.get() < Integer.MIN_VALUE || v.get() > Integer.MAX_VALUE)) {
            throw ActionException.validation("'" + name + "' is out of range (got " + v.get() + ")");
        }
        return v.map(Long::intValue).orElse(fallback);
    }

    public long longValue(String name, long fallback) {
        return optLong(name).orElse(fallback);
    }

    public Optional<Boolean> optBool(String name) {
        JsonNode v = values.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw ActionException.validation("'" + name + "' must be true or false");
        }
        return Optional.of(v.booleanValue());
    }

    public boolean bool(String name, boolean fallback) {
        return optBool(name).orElse(fallback);
    }

    public List<String> strings(String name) {
        JsonNode v = values.get(name);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(n -> out.add(n.asText()));
        } else if (v != null && v.isTextual()) {
            out.add(v.textValue());
        }
        return out;
    }

    /** The raw node, or null. */
    public JsonNode node(String name) {
        JsonNode v = values.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** A copy of every argument. */
    public ObjectNode asObject() {
        return values.deepCopy();
    }

    @Override
    public String toString() {
        return "Arguments" + values.fieldNames();
    }
}
