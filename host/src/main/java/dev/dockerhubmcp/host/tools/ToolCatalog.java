package dev.dockerhubmcp.host.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.engine.ToolInvoker;
import dev.dockerhubmcp.engine.runtime.SchemaCheck;
import dev.dockerhubmcp.engine.safety.SafetyPolicy;
import dev.dockerhubmcp.host.plugins.LoadedPlugin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Turns plugins' actions into tools (docs/ARCHITECTURE.md).
 * <ul>
 * <li><b>consolidated</b> (default): one tool per plugin, {@code hub_<id>}, with an {@code action} enum and the union
 * of the actions' parameters as flat optional properties; {@code params} (object) and {@code params_json} (JSON text)
 * are accepted too; {@code action: "help"} returns the per-action schemas. The chosen action's own schema is checked
 * on every call, so errors name the action and the field.</li>
 * <li><b>granular</b>: one tool per action, {@code hub_<id>_<action>}, with its exact schema and output schema.</li>
 * </ul>
 * Read-only mode leaves out every action whose effect is not READ and every parameter that writes a local file;
 * annotations come from effects (and file writes) only.
 */
public final class ToolCatalog {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<String> RESERVED = List.of("action", "params", "params_json", "topic");

    private final List<ToolSpec> tools;

    private ToolCatalog(List<ToolSpec> tools) {
        this.tools = List.copyOf(tools);
    }

    /** The tools of {@code plugins}; every call runs through {@code runner} (and its safety policy). */
    public static ToolCatalog build(List<LoadedPlugin> plugins, String mode, ToolInvoker runner) {
        requireNonNull(plugins, "plugins is null");
        SafetyPolicy policy = runner.policy();
        List<ToolSpec> tools = new ArrayList<>();
        for (LoadedPlugin p : plugins) {
            List<Action> visible = p.actions().stream().filter(policy::lists).toList();
            if (visible.isEmpty()) {
                continue;
            }
            if ("granular".equals(mode)) {
                for (Action a : visible) {
                    tools.add(granular(p, a, policy.shown(a), runner));
                }
            } else {
                tools.add(consolidated(p, visible, visible.stream().map(policy::shown).toList(), runner));
            }
        }
        return new ToolCatalog(tools);
    }

    public List<ToolSpec> tools() {
        return tools;
    }

    public java.util.Optional<ToolSpec> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** {@code shown} is how the policy presents {@code a} (read-only: without file-writing parameters). */
    private static ToolSpec granular(LoadedPlugin p, Action a, Action shown, ToolInvoker runner) {
        String name = p.toolName() + "_" + a.name();
        String label = p.toolName() + " " + a.name();
        ObjectNode output = a.output().map(ToolCatalog::envelopeSchema).orElse(null);
        return new ToolSpec(name, shown.description(), shown.inputSchema(), output, hints(List.of(shown)),
            List.of(ref(p, shown)), (args, ctx) -> runner.run(label, a, args, ctx));
    }

    private static ToolSpec consolidated(LoadedPlugin p, List<Action> visible, List<Action> actions,
                                         ToolInvoker runner) {
        Map<String, Action> byName = new LinkedHashMap<>();
        visible.forEach(a -> byName.put(a.name(), a));
        Map<String, Action> shownByName = new LinkedHashMap<>();
        actions.forEach(a -> shownByName.put(a.name(), a));
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        ObjectNode action = props.putObject("action");
        action.put("type", "string");
        ArrayNode names = action.putArray("enum");
        byName.keySet().forEach(names::add);
        names.add("help");
        action.put("description", "'help': each action's parameters");
        for (Map.Entry<String, Property> e : unionOfParameters(actions).entrySet()) {
            props.set(e.getKey(), e.getValue().schema(actions.size()));
        }
        props.putObject("params").put("type", "object")
            .put("description", "Parameters as an object (instead of flat)");
        props.putObject("params_json").put("type", "string")
            .put("description", "Parameters as JSON text");
        if (!props.has("topic")) {
            props.putObject("topic").put("type", "string").put("description", "help: one action's name");
        }
        schema.putArray("required").add("action");
        // The action names are in the enum; the description only says which of them write or destroy.
        StringBuilder desc = new StringBuilder(p.plugin().description().strip());
        List<String> writes = actions.stream().filter(a -> a.effect() == Effect.WRITE && !a.mayDestroy())
            .map(Action::name).toList();
        List<String> destroys = actions.stream().filter(Action::mayDestroy)
            .map(a -> a.effect() == Effect.WRITE ? a.name() + " (some arguments)" : a.name()).toList();
        if (!writes.isEmpty()) {
            desc.append(" Writes: ").append(String.join(", ", writes)).append('.');
        }
        if (!destroys.isEmpty()) {
            desc.append(" Destructive: ").append(String.join(", ", destroys)).append('.');
        }
        List<String> files = actions.stream().filter(Action::mayWriteFiles)
            .map(a -> a.name() + " (" + String.join(", ", a.writesFiles()) + ")").toList();
        if (!files.isEmpty()) {
            desc.append(" Writes local files: ").append(String.join(", ", files)).append('.');
        }
        desc.append(" action=help: parameters.");
        String tool = p.toolName();
        return new ToolSpec(tool, desc.toString(), schema, null, hints(actions),
            actions.stream().map(a -> ref(p, a)).toList(),
            (args, ctx) -> callConsolidated(tool, p, byName, shownByName, args, ctx, runner));
    }


    private static Result callConsolidated(String tool, LoadedPlugin p, Map<String, Action> byName,
                                           Map<String, Action> shownByName, ObjectNode raw, ActionContext ctx,
                                           ToolInvoker runner) {
        ObjectNode args = raw == null ? NODES.objectNode() : raw;
        JsonNode actionNode = args.get("action");
        if (actionNode == null || !actionNode.isTextual() || actionNode.asText().isBlank()) {
            return Result.error(ErrorType.VALIDATION, tool + ": 'action' is required; one of "
                + String.join(", ", byName.keySet()) + ", help");
        }
        String name = actionNode.asText();
        if (name.equals("help")) {
            return help(tool, shownByName, args.path("topic").asText(null));
        }
        Action action = byName.get(name);
        if (action == null) {
            boolean hidden = p.actions().stream().anyMatch(a -> a.name().equals(name));
            return Result.error(hidden ? ErrorType.READ_ONLY : ErrorType.VALIDATION, hidden
                ? tool + ": action '" + name + "' is not available in read-only mode (DOCKERHUB_READ_ONLY=true)"
                : tool + ": unknown action '" + SchemaCheck.echo(name) + "'; one of " + String.join(", ", byName.keySet()) + ", help");
        }
        ObjectNode merged = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = args.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!RESERVED.contains(e.getKey()) || (e.getKey().equals("topic")
                && dev.dockerhubmcp.api.Schema.declares(action.inputSchema(), "topic"))) {
                if (!e.getValue().isNull()) {
                    merged.set(e.getKey(), e.getValue());
                }
            }
        }
        JsonNode params = args.get("params");
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                return Result.error(ErrorType.VALIDATION, tool + " " + name + ": 'params' must be an object");
            }
            String clash = mergeInto(merged, (ObjectNode) params);
            if (clash != null) {
                return Result.error(ErrorType.VALIDATION, tool + " " + name + ": '" + SchemaCheck.echo(clash)
                    + "' is given twice with different values (flat and in params)");
            }
        }
        JsonNode paramsJson = args.get("params_json");
        if (paramsJson != null && !paramsJson.isNull() && !paramsJson.asText().isBlank()) {
            JsonNode parsed;
            try {
                parsed = MAPPER.readTree(paramsJson.asText());
            } catch (Exception | StackOverflowError e) {
                return Result.error(ErrorType.VALIDATION, tool + " " + name + ": 'params_json' is not valid JSON ("
                    + dev.dockerhubmcp.api.JsonNodes.problem(e) + ")");
            }
            if (parsed == null || !parsed.isObject()) {
                return Result.error(ErrorType.VALIDATION, tool + " " + name + ": 'params_json' must be a JSON object");
            }
            String clash = mergeInto(merged, (ObjectNode) parsed);
            if (clash != null) {
                return Result.error(ErrorType.VALIDATION, tool + " " + name + ": '" + SchemaCheck.echo(clash)
                    + "' is given twice with different values (params_json)");
            }
        }
        return runner.run(tool + " " + name, action, merged, ctx);
    }

    private static String mergeInto(ObjectNode target, ObjectNode extra) {
        Iterator<Map.Entry<String, JsonNode>> it = extra.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = target.get(e.getKey());
            if (existing != null && !existing.equals(e.getValue())) {
                return e.getKey();
            }
            target.set(e.getKey(), e.getValue());
        }
        return null;
    }

    private static Result help(String tool, Map<String, Action> byName, String topic) {
        ObjectNode data = NODES.objectNode();
        data.put("tool", tool);
        ObjectNode list = data.putObject("actions");
        for (Action a : byName.values()) {
            if (topic != null && !topic.isBlank() && !topic.equals(a.name())) {
                continue;
            }
            ObjectNode entry = list.putObject(a.name());
            entry.put("effect", a.effect().name().toLowerCase(java.util.Locale.ROOT)
                + (a.mayDestroy() && a.effect() == Effect.WRITE ? " (destructive with some arguments)" : "")
                + (a.mayWriteFiles() ? " (writes a local file with " + String.join(", ", a.writesFiles()) + ")" : ""));
            entry.put("description", a.description());
            entry.set("input", a.inputSchema());
        }
        if (list.isEmpty() && topic != null) {
            return Result.error(ErrorType.VALIDATION, tool + ": no action '" + SchemaCheck.echo(topic) + "'; one of "
                + String.join(", ", byName.keySet()));
        }
        return Result.ok(data);
    }

    private static ToolSpec.ActionRef ref(LoadedPlugin p, Action a) {
        return new ToolSpec.ActionRef(p.id(), a.name(), a.effect(), a.mayDestroy(), a.description(),
            a.mayWriteFiles(), a.inputSchema());
    }

    private static ToolSpec.Hints hints(List<Action> actions) {
        boolean allRead = actions.stream().allMatch(Action::readOnly);
        boolean destroys = actions.stream().anyMatch(Action::mayDestroy);
        return new ToolSpec.Hints(allRead, destroys, allRead, true);
    }

    /** The structured result of a granular tool: the envelope whose {@code data} has the action's output schema. */
    private static ObjectNode envelopeSchema(ObjectNode dataSchema) {
        ObjectNode s = NODES.objectNode();
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        props.putObject("status_code").put("type", "integer");
        props.set("data", dataSchema);
        props.putObject("rate_limit").put("type", "object");
        props.putObject("error").put("type", "object");
        return s;
    }

    /** One flat property of a consolidated tool: the first action's schema, noted with the actions that use it. */
    private static Map<String, Property> unionOfParameters(List<Action> actions) {
        Map<String, Property> out = new LinkedHashMap<>();
        for (Action a : actions) {
            JsonNode props = a.inputSchema().path("properties");
            Iterator<Map.Entry<String, JsonNode>> it = props.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (RESERVED.contains(e.getKey()) && !e.getKey().equals("topic")) {
                    continue;
                }
                out.computeIfAbsent(e.getKey(), k -> new Property()).add(a.name(), e.getValue());
            }
        }
        return out;
    }

    private static final class Property {
        private final List<String> users = new ArrayList<>();
        private final List<JsonNode> schemas = new ArrayList<>();

        void add(String action, JsonNode schema) {
            users.add(action);
            schemas.add(schema);
        }

        /** A compact schema: the common type, the first description, and which actions use it when not all do. */
        ObjectNode schema(int actionCount) {
            ObjectNode s = NODES.objectNode();
            String type = schemas.get(0).path("type").asText("");
            boolean sameType = schemas.stream().allMatch(x -> x.path("type").asText("").equals(type));
            if (sameType && !type.isEmpty()) {
                s.put("type", type);
                if (type.equals("array") && schemas.get(0).has("items")) {
                    s.set("items", compactItems(schemas.get(0).get("items")));
                }
                boolean sameEnum = schemas.stream().allMatch(x -> x.path("enum").equals(schemas.get(0).path("enum")));
                if (sameEnum && schemas.get(0).has("enum")) {
                    s.set("enum", schemas.get(0).get("enum"));
                }
            }
            // Actions that describe the parameter alike share one phrase; different meanings are kept apart, the
            // most common one unlabelled: "Repository name (create); Only names containing this text". Which
            // actions use a parameter is said only when few do. Full descriptions: action=help.
            Map<String, List<String>> byDescription = new LinkedHashMap<>();
            for (int i = 0; i < schemas.size(); i++) {
                String d = brief(schemas.get(i).path("description").asText(""));
                byDescription.computeIfAbsent(d, k -> new ArrayList<>()).add(users.get(i));
            }
            String desc;
            if (byDescription.size() == 1) {
                desc = byDescription.keySet().iterator().next();
                if (users.size() <= 2 && users.size() < actionCount) {
                    desc = (desc.isBlank() ? "" : desc + " ") + "(" + String.join(", ", users) + ")";
                }
            } else {
                String common = byDescription.entrySet().stream().max((a, b) -> a.getValue().size() - b.getValue().size())
                    .map(Map.Entry::getKey).orElse("");
                List<String> parts = new ArrayList<>();
                byDescription.forEach((d, who) -> {
                    if (!d.equals(common)) {
                        parts.add((d.isBlank() ? "" : d + " ") + "(" + String.join(", ", who) + ")");
                    }
                });
                if (!common.isBlank()) {
                    parts.add(common);
                }
                desc = String.join("; ", parts);
            }
            if (!desc.isBlank()) {
                s.put("description", desc);
            }
            return s;
        }

        /** The first clause of a description, at most 64 characters, cut at a word. */
        static String brief(String description) {
            String d = description.strip();
            int cut = d.length();
            for (String stop : new String[] {". ", "; "}) {
                int from = 0;
                while (true) {
                    int i = d.indexOf(stop, from);
                    if (i <= 0) {
                        break;
                    }
                    String before = d.substring(Math.max(0, i - 4), i + 1);
                    if (stop.equals(". ") && (before.endsWith("e.g.") || before.endsWith("i.e.")
                        || before.endsWith("etc."))) {
                        from = i + 2;
                        continue;
                    }
                    cut = Math.min(cut, i);
                    break;
                }
            }
            d = d.substring(0, cut);
            // a clause cut inside parentheses ("1-100 (default 10") loses the open part
            int open = d.lastIndexOf('(');
            if (open > 0 && d.indexOf(')', open) < 0) {
                d = d.substring(0, open).strip();
            }
            if (d.endsWith(".")) {
                d = d.substring(0, d.length() - 1);
            }
            if (d.length() > 64) {
                int at = d.lastIndexOf(' ', 62);
                d = d.substring(0, at > 30 ? at : 62) + "…";
            }
            return d;
        }

        private static JsonNode compactItems(JsonNode items) {
            ObjectNode i = NODES.objectNode();
            if (items.has("type")) {
                i.set("type", items.get("type"));
            }
            if (items.has("enum")) {
                i.set("enum", items.get("enum"));
            }
            return i;
        }
    }
}
