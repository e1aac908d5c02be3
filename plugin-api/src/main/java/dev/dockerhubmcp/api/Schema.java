package dev.dockerhubmcp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A small builder for the JSON schemas of action inputs and outputs, so an action's spec reads in a few lines:
 *
 * <pre>{@code
 * Schema.object()
 *     .required("namespace", Schema.string("Docker Hub namespace (user or org)").pattern(Patterns.NAMESPACE))
 *     .optional("page_size", Schema.integer("Items per page").min(1).max(100))
 *     .build();
 * }</pre>
 *
 * Property schemas are plain {@link ObjectNode}s, so anything the builder lacks can be added by hand.
 */
public final class Schema {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Schema() {
    }

    public static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    public static Prop string(String description) {
        return new Prop("string", description);
    }

    public static Prop integer(String description) {
        return new Prop("integer", description);
    }

    public static Prop number(String description) {
        return new Prop("number", description);
    }

    public static Prop bool(String description) {
        return new Prop("boolean", description);
    }

    public static Prop array(Prop items, String description) {
        Prop p = new Prop("array", description);
        p.node.set("items", items.node());
        return p;
    }

    /** A free-form object (or a nested object built with {@link #object()}). */
    public static Prop objectProp(String description) {
        return new Prop("object", description);
    }

    public static Prop objectProp(ObjectBuilder shape, String description) {
        Prop p = new Prop("object", description);
        ObjectNode built = shape.build();
        built.fieldNames().forEachRemaining(f -> p.node.set(f, built.get(f)));
        if (description != null) {
            p.node.put("description", description);
        }
        return p;
    }

    /** Parses a schema written as JSON text (for the odd shape the builder does not cover). */
    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("invalid schema JSON: " + e.getMessage(), e);
        }
    }

    /** One property's schema. */
    public static final class Prop {
        private final ObjectNode node = NODES.objectNode();

        Prop(String type, String description) {
            node.put("type", type);
            if (description != null && !description.isBlank()) {
                node.put("description", description);
            }
        }

        public Prop pattern(String regex) {
            node.put("pattern", regex);
            return this;
        }

        public Prop format(String format) {
            node.put("format", format);
            return this;
        }

        public Prop minLength(int n) {
            node.put("minLength", n);
            return this;
        }

        public Prop maxLength(int n) {
            node.put("maxLength", n);
            return this;
        }

        public Prop min(long n) {
            node.put("minimum", n);
            return this;
        }

        public Prop max(long n) {
            node.put("maximum", n);
            return this;
        }

        public Prop minItems(int n) {
            node.put("minItems", n);
            return this;
        }

        public Prop maxItems(int n) {
            node.put("maxItems", n);
            return this;
        }

        public Prop uniqueItems() {
            node.put("uniqueItems", true);
            return this;
        }

        public Prop enumOf(String... values) {
            ArrayNode arr = node.putArray("enum");
            Arrays.stream(values).forEach(arr::add);
            return this;
        }

        public Prop defaultValue(Object value) {
            node.set("default", MAPPER.valueToTree(value));
            return this;
        }

        /** Sets any other keyword. */
        public Prop with(String keyword, Object value) {
            node.set(keyword, MAPPER.valueToTree(value));
            return this;
        }

        public ObjectNode node() {
            return node;
        }
    }

    /** An object schema: properties, which of them are required, and whether others are allowed. */
    public static final class ObjectBuilder {
        private final ObjectNode node = NODES.objectNode();
        private final ObjectNode properties = NODES.objectNode();
        private final ArrayNode required = NODES.arrayNode();
        private boolean additional;

        ObjectBuilder() {
            node.put("type", "object");
        }

        public ObjectBuilder required(String name, Prop prop) {
            requireNonNull(name, "name is null");
            properties.set(name, prop.node());
            required.add(name);
            return this;
        }

        public ObjectBuilder optional(String name, Prop prop) {
            requireNonNull(name, "name is null");
            properties.set(name, prop.node());
            return this;
        }

        /** Allows properties beyond those declared (inputs reject them by default). */
        public ObjectBuilder allowAdditional() {
            this.additional = true;
            return this;
        }

        public ObjectNode build() {
            ObjectNode out = node.deepCopy();
            out.set("properties", properties.deepCopy());
            if (!required.isEmpty()) {
                out.set("required", required.deepCopy());
            }
            if (!additional) {
                out.put("additionalProperties", false);
            }
            return out;
        }
    }

    /** True when the schema declares the property. */
    public static boolean declares(JsonNode schema, String name) {
        JsonNode props = schema.get("properties");
        return props != null && props.has(name);
    }
}
