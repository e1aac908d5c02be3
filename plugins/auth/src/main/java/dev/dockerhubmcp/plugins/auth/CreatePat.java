package dev.dockerhubmcp.plugins.auth;

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

import java.time.Clock;

/** {@code create_pat}: POST /v2/access-tokens {token_label, scopes, expires_at?}; the plaintext is shown once. */
final class CreatePat {
    private CreatePat() {
    }

    static final Action ACTION = Action.builder("create_pat")
        .description("Create a personal access token with the given scopes. The token value is in this answer "
            + "only (field token) and can never be read again: hand it to the user to store at once. Prefer the "
            + "narrowest scope and an expiry.")
        .input(Schema.object()
            .required("token_label", Schema.string("A name to recognise the token by").minLength(1)
                .maxLength(100))
            .required("scopes", Schema.array(Schema.string("Scope").enumOf("repo:admin", "repo:write",
                "repo:read", "repo:public_read"), "Permissions: repo:public_read (public pulls), repo:read, "
                + "repo:write (push), repo:admin (also delete and settings)").minItems(1).maxItems(4)
                .uniqueItems())
            .optional("expires_at", Params.expiresAt()))
        .output(Schema.object()
            .required("uuid", Schema.string("The new token's UUID"))
            .required("token", Schema.string("The token value, shown this once"))
            .optional("token_label", Schema.string("Label"))
            .optional("scopes", Schema.array(Schema.string("Scope"), "Scopes"))
            .optional("expires_at", Schema.string("Expiry").format("date-time")))
        .effect(Effect.WRITE)
        .handler((args, ctx) -> handle(args, ctx))
        .build();

    static Result handle(Arguments args, ActionContext ctx) {
        Clock clock = ctx.clock();
        ObjectNode body = Params.NODES.objectNode();
        body.put("token_label", args.string("token_label"));
        ArrayNode scopes = body.putArray("scopes");
        args.strings("scopes").forEach(scopes::add);
        args.optString("expires_at").ifPresent(e -> body.put("expires_at",
            Params.futureInstant("expires_at", e, clock)));
        HubResponse response = ctx.hub().send(HubRequest.post("/v2/access-tokens").body(body).build());
        ObjectNode data = Tokens.withSecret(Tokens.pat(response.object()), response.object());
        Result result = Result.ok(response.status(), data);
        if (data.has("token")) {
            result = result.revealingSecretAt("/token").withWarning("the token value is shown this once: store it "
                + "now; it cannot be retrieved again");
        }
        return result;
    }
}
