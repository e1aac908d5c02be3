package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** {@code update_oat}: PATCH /v2/orgs/{org}/access-tokens/{id} {label?, description?, is_active?, resources?}. */
final class UpdateOat {
    static final Action ACTION = Action.builder("update_oat")
        .description("Change an organization access token's label, description or resources (the list given "
            + "replaces the current one), or turn it on or off. is_active: false cuts off every client using it, "
            + "and resources: [] strips every grant, so both are treated as destructive.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("id", Params.uuid("The token's id (from list_oats)"))
            .optional("label", Schema.string("New label").minLength(1).maxLength(100))
            .optional("description", Schema.string("New description").maxLength(255))
            .optional("is_active", Schema.bool("false deactivates the token (destructive); true reactivates it"))
            .optional("resources", OatResources.schema()))
        .output(Schema.object()
            .required("id", Schema.string("Id"))
            .optional("label", Schema.string("Label"))
            .optional("is_active", Schema.bool("Active")))
        .effect(Effect.WRITE)
        .destructiveWhen(UpdateOat::destroys)
        .handler(UpdateOat::handle)
        .build();

    private UpdateOat() {
    }

    /** Deactivating the token, or replacing its resources with none, cuts off every client using it. */
    static boolean destroys(Arguments args) {
        JsonNode resources = args.node("resources");
        return !args.optBool("is_active").orElse(true) || (resources != null && resources.isEmpty());
    }

    static Result handle(Arguments args, ActionContext ctx) {
        ObjectNode body = Params.NODES.objectNode();
        args.optString("label").ifPresent(l -> body.put("label", l));
        args.optString("description").ifPresent(d -> body.put("description", d));
        args.optBool("is_active").ifPresent(a -> body.put("is_active", a));
        if (args.node("resources") != null) {
            body.set("resources", OatResources.body(args.node("resources")));
        }
        if (body.isEmpty()) {
            throw ActionException.validation("give at least one of 'label', 'description', 'is_active', "
                + "'resources': there is nothing else to update");
        }
        HubResponse response = ctx.hub().send(HubRequest.patch("/v2/orgs/{}/access-tokens/{}", args.string("org"),
            args.string("id")).body(body).build());
        return Result.ok(response.status(), Tokens.oat(response.object()));
    }
}
