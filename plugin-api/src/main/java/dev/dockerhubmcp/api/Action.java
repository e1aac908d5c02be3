package dev.dockerhubmcp.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One thing a plugin can do: a value with a name, a description written for a model, an input schema, an optional
 * output schema, an effect and a handler. The host turns actions into MCP tools; plugins never see MCP types.
 *
 * @param name             snake_case, unique within the plugin (e.g. {@code list_tags})
 * @param description      one or two sentences: what it does, when to use it, what it costs
 * @param inputSchema      JSON schema of the arguments (an object schema)
 * @param outputSchema     JSON schema of {@code data} when it has a stable shape, else null
 * @param effect           READ, WRITE or DESTRUCTIVE
 * @param destructiveWhen  for a WRITE whose particular arguments destroy (e.g. {@code is_active: false}): the test;
 *                         null when the effect never changes with the arguments
 * @param handler          the logic
 * @param writesFiles      the optional parameters naming a local file the action writes when given (e.g.
 *                         {@code output_path}): with one of them the call writes a local file, so the action is not
 *                         read-only, and read-only mode leaves them out and refuses them
 */
public record Action(String name, String description, ObjectNode inputSchema, ObjectNode outputSchema, Effect effect,
                     Predicate<Arguments> destructiveWhen, ActionHandler handler, List<String> writesFiles) {
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]*$");

    public Action {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(inputSchema, "inputSchema is null");
        requireNonNull(effect, "effect is null");
        requireNonNull(handler, "handler is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("action name must be snake_case: " + name);
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("action " + name + " needs a description");
        }
        if (!"object".equals(inputSchema.path("type").asText())) {
            throw new IllegalArgumentException("action " + name + ": input schema must be an object schema");
        }
        if (destructiveWhen != null && effect != Effect.WRITE) {
            throw new IllegalArgumentException("action " + name + ": destructiveWhen only applies to WRITE actions");
        }
        writesFiles = writesFiles == null ? List.of() : List.copyOf(writesFiles);
        for (String p : writesFiles) {
            if (!Schema.declares(inputSchema, p)) {
                throw new IllegalArgumentException("action " + name + ": writesFiles names '" + p
                    + "', which is not a parameter");
            }
            boolean required = false;
            for (com.fasterxml.jackson.databind.JsonNode r : inputSchema.path("required")) {
                required |= r.asText().equals(p);
            }
            if (required) {
                throw new IllegalArgumentException("action " + name + ": '" + p + "' writes a file, so it must be "
                    + "optional (an action that always writes a file is a WRITE)");
            }
        }
        inputSchema = inputSchema.deepCopy();
        outputSchema = outputSchema == null ? null : outputSchema.deepCopy();
    }

    public Action(String name, String description, ObjectNode inputSchema, ObjectNode outputSchema, Effect effect,
                  Predicate<Arguments> destructiveWhen, ActionHandler handler) {
        this(name, description, inputSchema, outputSchema, effect, destructiveWhen, handler, List.of());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Optional<ObjectNode> output() {
        return Optional.ofNullable(outputSchema);
    }

    /** The effect these particular arguments have. */
    public Effect effectFor(Arguments args) {
        if (destructiveWhen != null && destructiveWhen.test(args)) {
            return Effect.DESTRUCTIVE;
        }
        return effect;
    }

    /** The parameter among {@link #writesFiles()} these arguments give (so the call writes a local file), if any. */
    public Optional<String> fileWrittenBy(Arguments args) {
        return writesFiles.stream().filter(args::has).findFirst();
    }

    /** True when some arguments make this action write a local file. */
    public boolean mayWriteFiles() {
        return !writesFiles.isEmpty();
    }

    /** True when no call of this action changes anything anywhere: READ and never a local file. */
    public boolean readOnly() {
        return effect == Effect.READ && writesFiles.isEmpty();
    }

    /**
     * This action without its file-writing parameters (as read-only mode shows it): the parameters left out of the
     * schema, the description saying so. The handler is the same; the policy refuses those parameters.
     */
    public Action withoutFileWrites() {
        if (writesFiles.isEmpty()) {
            return this;
        }
        ObjectNode schema = inputSchema.deepCopy();
        if (schema.get("properties") instanceof ObjectNode props) {
            props.remove(writesFiles);
        }
        String names = String.join("', '", writesFiles);
        return new Action(name, description + " (Read-only mode: '" + names + "' is not available.)", schema,
            outputSchema, effect, destructiveWhen, handler, List.of());
    }

    /** True when some arguments make this action destructive. */
    public boolean mayDestroy() {
        return effect == Effect.DESTRUCTIVE || destructiveWhen != null;
    }

    public static final class Builder {
        private final String name;
        private String description;
        private ObjectNode inputSchema = Schema.object().build();
        private ObjectNode outputSchema;
        private Effect effect;
        private Predicate<Arguments> destructiveWhen;
        private ActionHandler handler;
        private final List<String> writesFiles = new java.util.ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder input(ObjectNode schema) {
            this.inputSchema = schema;
            return this;
        }

        public Builder input(Schema.ObjectBuilder schema) {
            return input(schema.build());
        }

        public Builder output(ObjectNode schema) {
            this.outputSchema = schema;
            return this;
        }

        public Builder output(Schema.ObjectBuilder schema) {
            return output(schema.allowAdditional().build());
        }

        public Builder effect(Effect effect) {
            this.effect = effect;
            return this;
        }

        public Builder destructiveWhen(Predicate<Arguments> test) {
            this.destructiveWhen = test;
            return this;
        }

        /** An optional parameter naming a local file the action writes when it is given. */
        public Builder writesFile(String parameter) {
            this.writesFiles.add(requireNonNull(parameter, "parameter is null"));
            return this;
        }

        public Builder handler(ActionHandler handler) {
            this.handler = handler;
            return this;
        }

        public Action build() {
            return new Action(name, description, inputSchema, outputSchema, effect, destructiveWhen, handler,
                writesFiles);
        }
    }
}
