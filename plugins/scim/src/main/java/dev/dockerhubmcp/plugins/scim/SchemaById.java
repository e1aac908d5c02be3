package dev.dockerhubmcp.plugins.scim;

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

/** GET /v2/scim/2.0/Schemas/{id}. */
final class SchemaById {
    static final Action ACTION = Action.builder("schema")
        .description("Read one SCIM schema by its URN (e.g. urn:ietf:params:scim:schemas:core:2.0:User): each "
            + "attribute's name, type, whether it is required, multi-valued and mutable, and its sub-attributes. One "
            + "request with the SCIM token (DOCKERHUB_SCIM_TOKEN).")
        .input(Schema.object()
            .required("id", Schema.string("Schema URN, e.g. urn:ietf:params:scim:schemas:core:2.0:User")
                .pattern("^urn:[A-Za-z0-9][A-Za-z0-9._:-]*$").maxLength(255))
            .optional("verbose", Scim.verbose()))
        .output(Schema.object()
            .optional("id", Schema.string(null))
            .optional("name", Schema.string(null))
            .optional("description", Schema.string(null))
            .optional("attributes", Schema.array(Schema.objectProp("name, type, required, multiValued, mutability, "
                + "subAttributes"), "Attributes"))
            .allowAdditional())
        .effect(Effect.READ)
        .handler(SchemaById::handle)
        .build();

    private SchemaById() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = Scim.send(ctx, HubRequest.get(Scim.BASE + "/Schemas/{}", args.string("id")));
        JsonNode s = r.object();
        if (args.bool("verbose", false) || !s.isObject()) {
            return Result.ok(r.status(), s);
        }
        ObjectNode data = JsonNodes.pick(s, "id", "name", "description");
        ArrayNode attributes = data.putArray("attributes");
        for (JsonNode a : s.path("attributes")) {
            ObjectNode c = JsonNodes.pick(a, "name", "type", "required", "multiValued", "mutability");
            JsonNode subs = a.get("subAttributes");
            if (subs != null && subs.isArray() && !subs.isEmpty()) {
                ArrayNode names = c.putArray("subAttributes");
                subs.forEach(sub -> names.add(sub.path("name").asText()));
            }
            attributes.add(c);
        }
        return Result.ok(r.status(), data);
    }
}
