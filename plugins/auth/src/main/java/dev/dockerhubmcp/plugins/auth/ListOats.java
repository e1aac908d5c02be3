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

/** {@code list_oats}: GET /v2/orgs/{org}/access-tokens?page=&page_size= (pages carry total, not count). */
final class ListOats {
    static final Action ACTION = Action.builder("list_oats")
        .description("List an organization's access tokens (label, active, creator, dates), one page at a time; "
            + "token values are never included. Needs an organization owner's credentials.")
        .input(Schema.object()
            .required("org", Params.org())
            .optional("page", Params.page())
            .optional("page_size", Params.pageSize())
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("total", Schema.integer("Tokens in all"))
            .optional("next_page", Schema.integer("The page to ask for next; absent at the end"))
            .required("results", Schema.array(Schema.objectProp("{id, label, is_active, created_by, created_at, "
                + "expires_at, last_used_at}"), "Tokens")))
        .effect(Effect.READ)
        .handler(ListOats::handle)
        .build();

    private ListOats() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        HubResponse response = ctx.hub().send(HubRequest.get("/v2/orgs/{}/access-tokens", args.string("org"))
            .query("page", args.integer("page", 1))
            .query("page_size", args.integer("page_size", 10))
            .build());
        JsonNode body = response.json();
        dev.dockerhubmcp.api.PagedList.pageObject(body); // strict: a malformed page is an upstream error
        if (args.bool("verbose", false)) {
            return Result.ok(response.status(), body);
        }
        ObjectNode data = Params.NODES.objectNode();
        data.put("total", body.path("total").asLong(body.path("results").size()));
        Integer next = Params.nextPage(body.get("next"));
        if (next != null) {
            data.put("next_page", next);
        }
        ArrayNode results = data.putArray("results");
        body.path("results").forEach(t -> results.add(Tokens.oat(t)));
        return Result.ok(response.status(), data);
    }
}
