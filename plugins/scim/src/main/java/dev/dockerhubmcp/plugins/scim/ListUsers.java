package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.PagedList;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * GET /v2/scim/2.0/Users (startIndex ≥ 1, count 1–200, filter, attributes, sortBy, sortOrder). SCIM pages by index:
 * all_pages advances {@code startIndex} by what each page returned until {@code totalResults} is reached, bounded by
 * max_items and {@value #MAX_PAGES} requests.
 */
final class ListUsers {
    static final int MAX_COUNT = 200;
    static final int DEFAULT_MAX_ITEMS = 200;
    static final int MAX_ITEMS_CAP = 2000;
    static final int MAX_PAGES = 50;
    /** A SCIM attribute path: {@code userName}, {@code name.givenName}, or a URN-qualified one. */
    static final String ATTRIBUTE = "[A-Za-z][A-Za-z0-9_.:-]*";

    static final Action ACTION = Action.builder("list_users")
        .description("List the organization's SCIM-provisioned users (id, userName email, displayName Docker ID, "
            + "active, name, teams), optionally filtered with a SCIM filter such as 'userName eq \"jon@acme.io\"' "
            + "(operators eq, ne, co, sw, and, or, not) and sorted. One request per page (startIndex/count up to "
            + "200); all_pages walks pages up to max_items. Uses the SCIM token (DOCKERHUB_SCIM_TOKEN).")
        .input(Schema.object()
            .optional("startIndex", Schema.integer("1-based index of the first result").min(1))
            .optional("count", Schema.integer("Results per page, 1-200").min(1).max(MAX_COUNT))
            .optional("filter", Schema.string("SCIM filter expression, e.g. userName eq \"jon@acme.io\"")
                .minLength(1).maxLength(1000))
            .optional("attributes", Schema.string("Comma-separated attributes to return, e.g. userName,displayName")
                .pattern("^" + ATTRIBUTE + "(?:," + ATTRIBUTE + ")*$").maxLength(1000))
            .optional("sortBy", Schema.string("Attribute to sort by, e.g. userName").pattern("^" + ATTRIBUTE + "$")
                .maxLength(255))
            .optional("sortOrder", Schema.string("Sort direction").enumOf("ascending", "descending"))
            .optional("all_pages", Schema.bool("Fetch every page (from startIndex) up to max_items; one request per "
                + "page").defaultValue(false))
            .optional("max_items", Schema.integer("With all_pages: stop after this many users (default "
                + DEFAULT_MAX_ITEMS + ", at most " + MAX_ITEMS_CAP + ")").min(1).max(MAX_ITEMS_CAP))
            .optional("verbose", Scim.verbose()))
        .output(Schema.object()
            .optional("totalResults", Schema.integer("Users matching, across all pages"))
            .optional("startIndex", Schema.integer("Index of the first user returned"))
            .optional("itemsPerPage", Schema.integer(null))
            .optional("next_start_index", Schema.integer("startIndex of the next page, or null at the end")
                .with("type", List.of("integer", "null")))
            .optional("pages_fetched", Schema.integer("Pages fetched (all_pages mode)"))
            .optional("truncated", Schema.bool("True when max_items stopped the walk early"))
            .required("items", Schema.array(Schema.objectProp("A user: id, userName, displayName, active, name, "
                + "groups"), "Users"))
            .allowAdditional())
        .effect(Effect.READ)
        .handler(ListUsers::handle)
        .build();

    private ListUsers() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        boolean all = args.bool("all_pages", false);
        if (args.has("max_items") && !all) {
            throw ActionException.validation("'max_items' only applies with 'all_pages': true");
        }
        boolean verbose = args.bool("verbose", false);
        if (!all) {
            HubResponse r = Scim.send(ctx, request(args, args.optLong("startIndex").orElse(null),
                args.optLong("count").orElse(null)));
            JsonNode page = r.json();
            List<JsonNode> users = users(page);
            long start = page.path("startIndex").asLong(args.longValue("startIndex", 1));
            ObjectNode data = JsonNodes.object();
            copyNumber(page, data, "totalResults");
            data.put("startIndex", start);
            copyNumber(page, data, "itemsPerPage");
            Long total = page.path("totalResults").isNumber() ? page.path("totalResults").asLong() : null;
            long next = start + users.size();
            if (!users.isEmpty() && total != null && next <= total) {
                data.put("next_start_index", next);
            } else {
                data.putNull("next_start_index");
            }
            data.set("items", items(users, verbose));
            return Result.ok(r.status(), data);
        }
        PagedList.Walked walked;
        try {
            walked = PagedList.walk(Scim.request(request(args, args.longValue("startIndex", 1),
                    args.longValue("count", MAX_COUNT))))
                .reader(ListUsers::page).maxItems(args.integer("max_items", DEFAULT_MAX_ITEMS)).maxPages(MAX_PAGES)
                .repeatCheck(false).context(ctx).run(ctx.hub());
        } catch (ActionException e) {
            throw Scim.withScimType(e);
        }
        ObjectNode data = JsonNodes.object();
        if (walked.total() != null) {
            data.put("totalResults", walked.total());
        }
        data.put("pages_fetched", walked.pages());
        data.put("truncated", !walked.complete());
        data.set("items", items(walked.items(), verbose));
        Result result = Result.ok(walked.status(), data);
        if (!walked.complete()) {
            result = result.withWarning(PagedList.warning(walked, "users", "count", MAX_ITEMS_CAP));
        }
        return result;
    }

    /** A SCIM list page, its users under {@code Resources} or {@code resources}. */
    private static PagedList.Page page(JsonNode json) {
        Long total = json.path("totalResults").isNumber() ? json.path("totalResults").asLong() : null;
        Long start = json.path("startIndex").isNumber() ? json.path("startIndex").asLong() : null;
        Long perPage = json.path("itemsPerPage").isNumber() ? json.path("itemsPerPage").asLong() : null;
        return new PagedList.Page(PagedList.Shape.SCIM, users(json), total, null, null, false, start, perPage);
    }

    private static HubRequest.Builder request(Arguments args, Long startIndex, Long count) {
        return HubRequest.get(Scim.BASE + "/Users")
            .query("startIndex", startIndex)
            .query("count", count)
            .query("filter", args.optString("filter").orElse(null))
            .query("attributes", args.optString("attributes").orElse(null))
            .query("sortOrder", args.optString("sortOrder").orElse(null))
            .query("sortBy", args.optString("sortBy").orElse(null));
    }

    private static List<JsonNode> users(JsonNode page) {
        List<JsonNode> out = new ArrayList<>();
        Scim.resources(page).forEach(out::add);
        return out;
    }

    private static ArrayNode items(List<JsonNode> users, boolean verbose) {
        ArrayNode out = JsonNodes.array();
        users.forEach(u -> out.add(Scim.user(u, verbose)));
        return out;
    }

    private static void copyNumber(JsonNode from, ObjectNode to, String field) {
        JsonNode v = from.get(field);
        if (v != null && v.isNumber()) {
            to.set(field, v);
        }
    }
}
