package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * PUT /v2/scim/2.0/Users/{id} {@code {schemas, name?, enabled}}. The spec: an omitted {@code enabled} defaults to false
 * and deactivates the user, so {@code enabled} is always sent (true unless the caller says false); {@code enabled:
 * false} is destructive.
 */
final class UpdateUser {
    static final Action ACTION = Action.builder("update_user")
        .description("Update a SCIM-provisioned user: change the name and/or activate or deactivate them. 'enabled' "
            + "is always sent (default true: an omitted value would deactivate the user); enabled=false deactivates "
            + "the user and is destructive. One request with the SCIM token (DOCKERHUB_SCIM_TOKEN).")
        .input(Schema.object()
            .required("id", Scim.userId())
            .optional("name", Scim.name("New name; parts left out are kept (the API never clears a name)"))
            .optional("enabled", Schema.bool("Whether the user is active; false deactivates them (destructive)")
                .defaultValue(true))
            .optional("verbose", Scim.verbose()))
        .output(Scim.userOutput())
        .effect(Effect.WRITE)
        .destructiveWhen(args -> !args.bool("enabled", true))
        .handler(UpdateUser::handle)
        .build();

    private UpdateUser() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        ObjectNode body = JsonNodes.object();
        body.putArray("schemas").add(Scim.USER_SCHEMA);
        JsonNode name = args.node("name");
        if (name != null && !name.isEmpty()) {
            body.set("name", JsonNodes.pick(name, "givenName", "familyName"));
        }
        body.put("enabled", args.bool("enabled", true));
        HubResponse r = Scim.send(ctx, HubRequest.put(Scim.BASE + "/Users/{}", args.string("id")).body(body));
        return Result.ok(r.status(), Scim.user(r.object(), args.bool("verbose", false)));
    }
}
