package dev.dockerhubmcp.plugins.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

import java.util.Iterator;
import java.util.Map;

/** GET /v2/auditlogs/{account}/actions: the action names the {@code logs} filter takes, grouped. */
final class Actions {
    static final Action ACTION = Action.builder("actions")
        .description("List the audit log action names an account's events can have (e.g. repo.tag.push), "
            + "grouped by area; use one as the 'event_action' filter of logs. One request.")
        .input(Schema.object()
            .required("account", Params.account())
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("count", Schema.integer("Number of action names"))
            .required("groups", Schema.array(Schema.objectProp("group, label and the action names in it"),
                "Action names by group")))
        .effect(Effect.READ)
        .handler(Actions::handle)
        .build();

    private Actions() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = ctx.hub().send(HubRequest.get("/v2/auditlogs/{}/actions", args.string("account")).build());
        if (args.bool("verbose", false)) {
            return Result.ok(r.status(), r.json());
        }
        ObjectNode data = JsonNodes.object();
        ArrayNode groups = JsonNodes.array();
        int count = 0;
        Iterator<Map.Entry<String, JsonNode>> it = r.object().path("actions").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            ObjectNode g = groups.addObject();
            g.put("group", e.getKey());
            String label = JsonNodes.text(e.getValue(), "label");
            if (label != null) {
                g.put("label", label);
            }
            ArrayNode names = g.putArray("actions");
            for (JsonNode a : e.getValue().path("actions")) {
                String name = JsonNodes.text(a, "name");
                if (name != null) {
                    names.add(name);
                    count++;
                }
            }
        }
        data.put("count", count);
        data.set("groups", groups);
        return Result.ok(r.status(), data);
    }
}
