package dev.dockerhubmcp.plugins.auth;

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

/** {@code update_pat}: PATCH /v2/access-tokens/{uuid} {token_label?, is_active?}. */
final class UpdatePat {
    static final Action ACTION = Action.builder("update_pat")
        .description("Rename a personal access token or turn it on or off. is_active: false cuts off every client "
            + "using it, so it is treated as destructive (needs DOCKERHUB_ALLOW_DESTRUCTIVE=true).")
        .input(Schema.object()
            .required("uuid", Params.uuid("The token's UUID (from list_pats)"))
            .optional("token_label", Schema.string("New label").minLength(1).maxLength(100))
            .optional("is_active", Schema.bool("false deactivates the token (destructive); true reactivates it")))
        .output(Schema.object()
            .required("uuid", Schema.string("UUID"))
            .optional("token_label", Schema.string("Label"))
            .optional("is_active", Schema.bool("Active")))
        .effect(Effect.WRITE)
        .destructiveWhen(args -> args.optBool("is_active").map(active -> !active).orElse(false))
        .handler(UpdatePat::handle)
        .build();

    private UpdatePat() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        ObjectNode body = Params.NODES.objectNode();
        args.optString("token_label").ifPresent(l -> body.put("token_label", l));
        args.optBool("is_active").ifPresent(a -> body.put("is_active", a));
        if (body.isEmpty()) {
            throw ActionException.validation("give 'token_label' and/or 'is_active': there is nothing else to update");
        }
        HubResponse response = ctx.hub().send(HubRequest.patch("/v2/access-tokens/{}", args.string("uuid"))
            .body(body).build());
        return Result.ok(response.status(), Tokens.pat(response.object()));
    }
}
