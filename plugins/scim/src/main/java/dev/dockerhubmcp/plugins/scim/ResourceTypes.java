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

/** GET /v2/scim/2.0/ResourceTypes. */
final class ResourceTypes {
    static final Action ACTION = Action.builder("resource_types")
        .description("List the SCIM resource types Docker Hub serves (e.g. User: its endpoint and schema URN). One "
            + "request with the SCIM token (DOCKERHUB_SCIM_TOKEN).")
        .input(Schema.object().optional("verbose", Scim.verbose()))
        .output(Schema.object()
            .optional("totalResults", Schema.integer(null))
            .required("items", Schema.array(Schema.objectProp("id, name, endpoint, schema"), "Resource types")))
        .effect(Effect.READ)
        .handler(ResourceTypes::handle)
        .build();

    private ResourceTypes() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = Scim.send(ctx, HubRequest.get(Scim.BASE + "/ResourceTypes"));
        boolean verbose = args.bool("verbose", false);
        ObjectNode data = Json.object();
        JsonNode total = r.json().get("totalResults");
        if (total != null && total.isNumber()) {
            data.put("totalResults", total.asLong());
        }
        ArrayNode items = data.putArray("items");
        Scim.resources(r.json()).forEach(t -> items.add(compact(t, verbose)));
        return Result.ok(r.status(), data);
    }

    static JsonNode compact(JsonNode type, boolean verbose) {
        return verbose || !type.isObject() ? type : Json.pick(type, "id", "name", "description", "endpoint", "schema");
    }
}
