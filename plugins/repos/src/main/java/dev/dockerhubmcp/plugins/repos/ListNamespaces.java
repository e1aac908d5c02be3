package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.PagedList;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubIdentity;
import dev.dockerhubmcp.api.hub.HubRequest;

/** {@code list_namespaces}: GET /v2/user/orgs (undocumented; used by Docker's own MCP server). */
final class ListNamespaces {
    static final Action ACTION = Action.builder("list_namespaces")
        .description("List the namespaces you can use: your personal namespace plus the organizations you belong to, "
            + "with your role in each (undocumented endpoint /v2/user/orgs; needs credentials). Use it to find the "
            + "namespace argument of other actions.")
        .input(Schema.object()
            .optional("page", Params.page())
            .optional("page_size", Params.pageSize(10))
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .optional("personal", Schema.string("Your own namespace (Docker ID)"))
            .required("count", Schema.integer("Organizations in all"))
            .optional("next_page", Schema.integer("The page to ask for next; absent at the end"))
            .required("results", Schema.array(Schema.objectProp("{name, full_name, role, type, is_active, plan}"),
                "Organizations")))
        .effect(Effect.READ)
        .handler(ListNamespaces::handle)
        .build();

    private ListNamespaces() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        int page = args.integer("page", 1);
        int pageSize = args.integer("page_size", 10);
        HubRequest request = HubRequest.get("/v2/user/orgs").query("page_size", pageSize).build();
        PagedList.Walked got = Params.walk(ctx, request, page, false, pageSize, o -> true);
        boolean verbose = args.bool("verbose", false);
        ObjectNode data = Compact.NODES.objectNode();
        HubIdentity me = ctx.hub().identity();
        if (me.authenticated() && me.username() != null) {
            data.put("personal", me.username());
        }
        data.put("count", got.total() == null ? got.items().size() : got.total());
        Long nextPage = got.resumeAt("page");
        if (nextPage != null) {
            data.put("next_page", nextPage);
        }
        ArrayNode results = data.putArray("results");
        for (JsonNode o : got.items()) {
            results.add(verbose ? o : org(o));
        }
        return Result.ok(data);
    }

    static ObjectNode org(JsonNode o) {
        ObjectNode out = Compact.NODES.objectNode();
        Compact.copy(o, "orgname", out, "name");
        if (!o.path("full_name").asText("").isEmpty()) {
            out.set("full_name", o.get("full_name"));
        }
        Compact.copy(o, "user_role", out, "role");
        Compact.copy(o, "type", out, "type");
        Compact.copy(o, "is_active", out, "is_active");
        Compact.copy(o, "plan_name", out, "plan");
        return out;
    }
}
