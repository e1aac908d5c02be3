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

/** POST /v2/scim/2.0/Users {@code {schemas, userName, name?}} → 201. */
final class CreateUser {
    /** An email address (the SCIM userName must be one that receives mail). */
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    static final Action ACTION = Action.builder("create_user")
        .description("Provision a user in the organization through SCIM by email (userName), with an optional "
            + "name; an existing Docker account with that email is added to the organization's 'company' team. "
            + "One request with the SCIM token (DOCKERHUB_SCIM_TOKEN); 409 when the user already exists.")
        .input(Schema.object()
            .required("userName", Schema.string("The user's email address; must receive mail").pattern(EMAIL)
                .maxLength(320))
            .optional("name", Scim.name("The user's name"))
            .optional("verbose", Scim.verbose()))
        .output(Scim.userOutput())
        .effect(Effect.WRITE)
        .handler(CreateUser::handle)
        .build();

    private CreateUser() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        ObjectNode body = JsonNodes.object();
        body.putArray("schemas").add(Scim.USER_SCHEMA);
        body.put("userName", args.string("userName"));
        JsonNode name = args.node("name");
        if (name != null && !name.isEmpty()) {
            body.set("name", JsonNodes.pick(name, "givenName", "familyName"));
        }
        HubResponse r = Scim.send(ctx, HubRequest.post(Scim.BASE + "/Users").body(body));
        return Result.ok(r.status(), Scim.user(r.object(), args.bool("verbose", false)));
    }
}
