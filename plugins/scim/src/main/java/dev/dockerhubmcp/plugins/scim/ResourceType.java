package dev.dockerhubmcp.plugins.scim;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** GET /v2/scim/2.0/ResourceTypes/{name}. */
final class ResourceType {
    static final Action ACTION = Action.builder("resource_type")
        .description("Read one SCIM resource type by name (e.g. 'User'): its endpoint and schema URN. One request "
            + "with the SCIM token (DOCKERHUB_SCIM_TOKEN).")
        .input(Schema.object()
            .required("name", Schema.string("Resource type name, e.g. 'User'").pattern("^[A-Za-z][A-Za-z0-9]*$")
                .maxLength(64))
            .optional("verbose", Scim.verbose()))
        .output(Schema.object()
            .optional("id", Schema.string(null))
            .optional("name", Schema.string(null))
            .optional("endpoint", Schema.string(null))
            .optional("schema", Schema.string("Schema URN"))
            .allowAdditional())
        .effect(Effect.READ)
        .handler(ResourceType::handle)
        .build();

    private ResourceType() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = Scim.send(ctx, HubRequest.get(Scim.BASE + "/ResourceTypes/{}", args.string("name")));
        return Result.ok(r.status(), ResourceTypes.compact(r.object(), args.bool("verbose", false)));
    }
}
