package dev.dockerhubmcp.plugins.auth;

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

/** {@code list_pats}: GET /v2/access-tokens?page=&page_size=. */
final class ListPats {
    static final Action ACTION = Action.builder("list_pats")
        .description("List your personal access tokens (label, scopes, active, created, last used, expiry), one "
            + "page at a time; token values are never included. Needs credentials.")
        .input(Schema.object()
            .optional("page", Params.page())
            .optional("page_size", Params.pageSize())
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("count", Schema.integer("Tokens in all"))
            .optional("active_count", Schema.integer("Active tokens"))
            .optional("next_page", Schema.integer("The page to ask for next; absent at the end"))
            .required("results", Schema.array(Schema.objectProp("{uuid, token_label, scopes, is_active, created_at, "
                + "last_used, expires_at, generated_by}"), "Tokens")))
        .effect(Effect.READ)
        .handler(ListPats::handle)
        .build();

    private ListPats() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        HubResponse response = ctx.hub().send(HubRequest.get("/v2/access-tokens")
            .query("page", args.integer("page", 1))
            .query("page_size", args.integer("page_size", 10))
            .build());
        JsonNode body = response.json();
        dev.dockerhubmcp.api.PagedList.pageObject(body); // strict: a malformed page is an upstream error
        if (args.bool("verbose", false)) {
            return Result.ok(response.status(), body);
        }
        ObjectNode data = Params.NODES.objectNode();
        data.put("count", body.path("count").asLong(body.path("results").size()));
        Params.copy(body, "active_count", data);
        Integer next = Params.nextPage(body.get("next"));
        if (next != null) {
            data.put("next_page", next);
        }
        ArrayNode results = data.putArray("results");
        body.path("results").forEach(t -> results.add(Tokens.pat(t)));
        return Result.ok(response.status(), data);
    }
}
