package dev.dockerhubmcp.plugins.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.PluginInfo;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;

import java.util.List;
import java.util.Locale;

/** {@code plugins}: the plugins this host knows, their state and their actions with effects. */
final class Plugins {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final Action ACTION = Action.builder("plugins")
        .description("List the plugins this server loaded (id, version, tool name, state, jar) and each one's actions "
            + "with their effect (read, write, destructive); disabled or failed plugins say why. No network call.")
        .input(Schema.object()
            .optional("id", Schema.string("Only this plugin (e.g. repos)").pattern("^[a-z][a-z0-9_-]{0,39}$")))
        .output(Schema.object()
            .required("count", Schema.integer("Plugins listed"))
            .required("plugins", Schema.array(Schema.objectProp("{id, version, tool, state, source, reason?, "
                + "actions: {name: effect}, hidden?: [names]}"), "Plugins")))
        .effect(Effect.READ)
        .handler(Plugins::handle)
        .build();

    private Plugins() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        List<PluginInfo> all = ctx.plugins();
        String only = args.optString("id").orElse(null);
        List<PluginInfo> shown = only == null ? all : all.stream().filter(p -> p.id().equals(only)).toList();
        if (only != null && shown.isEmpty()) {
            throw new ActionException(ErrorType.NOT_FOUND, "'id': no plugin '" + only + "' is known; known: "
                + String.join(", ", all.stream().map(PluginInfo::id).toList()));
        }
        ObjectNode data = NODES.objectNode();
        data.put("count", shown.size());
        ArrayNode plugins = data.putArray("plugins");
        for (PluginInfo p : shown) {
            plugins.add(compact(p));
        }
        return Result.ok(data);
    }

    static ObjectNode compact(PluginInfo p) {
        ObjectNode n = NODES.objectNode();
        n.put("id", p.id());
        putIfPresent(n, "version", p.version());
        putIfPresent(n, "tool", p.tool());
        n.put("state", p.state());
        putIfPresent(n, "source", p.source());
        putIfPresent(n, "reason", p.reason());
        ObjectNode actions = n.putObject("actions");
        ArrayNode hidden = NODES.arrayNode();
        for (PluginInfo.ActionInfo a : p.actions()) {
            actions.put(a.name(), a.effect().name().toLowerCase(Locale.ROOT));
            if (a.hidden()) {
                hidden.add(a.name());
            }
        }
        if (!hidden.isEmpty()) {
            n.set("hidden", hidden);
        }
        return n;
    }

    private static void putIfPresent(ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }
}
