package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** GET /v2/scim/2.0/Schemas. */
final class Schemas {
    static final Action ACTION = Action.builder("schemas")
        .description("List the SCIM schemas Docker Hub supports (id URN, name and attribute names); use schema for "
            + "one schema's attribute details. One request with the SCIM token (DOCKERHUB_SCIM_TOKEN).")
        .input(Schema.object().optional("verbose", Scim.verbose()))
        .output(Schema.object()
            .optional("totalResults", Schema.integer(null))
            .required("items", Schema.array(Schema.objectProp("id, name, description, attribute names"),
                "Schemas")))
        .effect(Effect.READ)
        .handler(Schemas::handle)
        .build();

    private Schemas() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = Scim.send(ctx, HubRequest.get(Scim.BASE + "/Schemas"));
        boolean verbose = args.bool("verbose", false);
        ObjectNode data = Json.object();
        JsonNode total = r.json().get("totalResults");
        if (total != null && total.isNumber()) {
            data.put("totalResults", total.asLong());
        }
        ArrayNode items = data.putArray("items");
        for (JsonNode s : Scim.resources(r.json())) {
            if (verbose || !s.isObject()) {
                items.add(s);
                continue;
            }
            ObjectNode c = Json.pick(s, "id", "name", "description");
            ArrayNode names = c.putArray("attributes");
            s.path("attributes").forEach(a -> names.add(a.path("name").asText()));
            items.add(c);
        }
        return Result.ok(r.status(), data);
    }
}
