package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

import java.time.Clock;

/** {@code create_oat}: POST /v2/orgs/{org}/access-tokens {label, description?, resources?, expires_at?}. */
final class CreateOat {
    private CreateOat() {
    }

    static final Action ACTION = Action.builder("create_oat")
        .description("Create an organization access token granting the listed resources and scopes. The token "
            + "value is in this answer only (field token) and can never be read again: hand it to the user to "
            + "store at once. Needs an organization owner.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("label", Schema.string("A name to recognise the token by").minLength(1).maxLength(100))
            .optional("description", Schema.string("What the token is for").maxLength(255))
            .optional("resources", OatResources.schema())
            .optional("expires_at", Params.expiresAt()))
        .output(Schema.object()
            .required("id", Schema.string("The new token's id"))
            .required("token", Schema.string("The token value, shown this once"))
            .optional("label", Schema.string("Label"))
            .optional("resources", Schema.array(Schema.objectProp("{type, path, scopes}"), "Grants")))
        .effect(Effect.WRITE)
        .handler((args, ctx) -> handle(args, ctx))
        .build();

    static Result handle(Arguments args, ActionContext ctx) {
        Clock clock = ctx.clock();
        ObjectNode body = Params.NODES.objectNode();
        body.put("label", args.string("label"));
        args.optString("description").ifPresent(d -> body.put("description", d));
        if (args.node("resources") != null) {
            body.set("resources", OatResources.body(args.node("resources")));
        }
        args.optString("expires_at").ifPresent(e -> body.put("expires_at",
            Params.futureInstant("expires_at", e, clock)));
        HubResponse response = ctx.hub().send(HubRequest.post("/v2/orgs/{}/access-tokens", args.string("org"))
            .body(body).build());
        ObjectNode data = Tokens.withSecret(Tokens.oat(response.object()), response.object());
        Result result = Result.ok(response.status(), data);
        if (data.has("token")) {
            result = result.revealingSecretAt("/token").withWarning("the token value is shown this once: store it "
                + "now; it cannot be retrieved again");
        }
        return result;
    }
}
