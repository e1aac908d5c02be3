package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.PagedList;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * GET /v2/orgs/{org_name}/members. The spec types {@code search} as an integer, which cannot be what a search term is;
 * it is taken as a string here.
 */
final class ListMembers {
    private static final PagedList PAGING = PagedList.DEFAULT;

    static final Action ACTION = Action.builder("list_members")
        .description("List an organization's members (username, name, email, role, teams), optionally filtered by "
            + "search text, type or role, with pending invitees when invites=true. One request per page; "
            + "all_pages walks the pages up to max_items.")
        .input(PAGING.input(Schema.object()
            .required("org", Params.org())
            .optional("search", Schema.string("Search term matched against members (username, name, email)")
                .minLength(1).maxLength(255))
            .optional("type", Schema.string("Which accounts: all, invitee (pending invites) or member")
                .enumOf("all", "invitee", "member"))
            .optional("role", Schema.string("Only members with this role").enumOf(Params.ROLES))
            .optional("invites", Schema.bool("Include pending invites in the answer"))
            .optional("verbose", Params.verbose())))
        .output(PAGING.output("A member: username, full_name, email, role, type, groups, is_guest"))
        .effect(Effect.READ)
        .handler(ListMembers::handle)
        .build();

    private ListMembers() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubRequest base = HubRequest.get("/v2/orgs/{}/members", args.string("org"))
            .query("search", args.optString("search").orElse(null))
            .query("type", args.optString("type").orElse(null))
            .query("role", args.optString("role").orElse(null))
            .query("invites", args.optBool("invites").orElse(null))
            .build();
        boolean verbose = args.bool("verbose", false);
        return PAGING.run(args, ctx, base, ListMembers::read, m -> verbose ? m
            : JsonNodes.pick(m, "username", "full_name", "email", "role", "type", "groups", "is_guest"));
    }

    /** The API answers a page object; the spec documents an array of page objects. Both are read. */
    static PagedList.Page read(JsonNode json) {
        if (!json.isArray()) {
            return PagedList.page(json);
        }
        List<JsonNode> items = new ArrayList<>();
        Long count = null;
        String next = null;
        boolean hasNextField = false;
        for (JsonNode element : json) {
            if (element.has("results")) {
                PagedList.Page p = PagedList.page(element);
                items.addAll(p.items());
                count = count == null ? p.total() : count;
                next = p.next();
                hasNextField = true;
            } else {
                items.add(element);
            }
        }
        return new PagedList.Page(PagedList.Shape.COUNT, items, count, next, null, hasNextField, null, null);
    }
}
