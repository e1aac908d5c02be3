package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** {@code search}: GET /api/search/v4 (undocumented; the endpoint Docker's own MCP server and Hub's site use). */
final class Search {
    private static final String LABEL = "^[a-z0-9][a-z0-9_.-]{0,63}$";

    static final Action ACTION = Action.builder("search")
        .description("Search Docker Hub for repositories (undocumented endpoint /api/search/v4, anonymous). "
            + "Returns name, publisher, badge (official, verified_publisher, open_source), stars, pulls and short "
            + "description; page with from/size. Prefer badges ['official'] or ['verified_publisher'] for trusted "
            + "images.")
        .input(Schema.object()
            .required("query", Schema.string("Search text, e.g. 'postgres'").minLength(1).maxLength(255))
            .optional("from", Schema.integer("Results to skip (default 0)").min(0).max(10_000))
            .optional("size", Schema.integer("Results to return, 1-100 (default 10)").min(1).max(100))
            .optional("type", Schema.string("Kind of repository").enumOf("image", "plugin", "extension"))
            .optional("badges", Schema.array(Schema.string("Trusted-content badge")
                .enumOf("official", "verified_publisher", "open_source"), "Only repositories with one of these "
                + "badges").minItems(1).uniqueItems())
            .optional("categories", Schema.array(Schema.string("Category slug, e.g. 'databases'").pattern(LABEL),
                "Only repositories in these categories").minItems(1).maxItems(20))
            .optional("operating_systems", Schema.array(Schema.string("e.g. linux, windows").pattern(LABEL),
                "Only images for these operating systems").minItems(1).maxItems(10))
            .optional("architectures", Schema.array(Schema.string("e.g. amd64, arm64").pattern(LABEL),
                "Only images for these architectures").minItems(1).maxItems(20))
            .optional("extension_reviewed", Schema.bool("Only Docker-reviewed extensions (with type extension)"))
            .optional("sort", Schema.string("Sort by; best match when omitted").enumOf("pull_count", "updated_at"))
            .optional("order", Schema.string("Sort direction").enumOf("asc", "desc"))
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("total", Schema.integer("Matches in all"))
            .required("from", Schema.integer("Results skipped"))
            .optional("next_from", Schema.integer("'from' for the next page; absent at the end"))
            .required("results", Schema.array(Schema.objectProp("{name, publisher, badge, star_count, pull_count, "
                + "description}"), "Repositories, best first")))
        .effect(Effect.READ)
        .handler(Search::handle)
        .build();

    private Search() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        int from = args.integer("from", 0);
        int size = args.integer("size", 10);
        HubRequest request = HubRequest.get("/api/search/v4")
            .query("query", args.string("query"))
            .query("from", from)
            .query("size", size)
            .query("type", args.optString("type").orElse(null))
            .query("badges", ListRepositories.joined(args.strings("badges")))
            .query("categories", ListRepositories.joined(args.strings("categories")))
            .query("operating_systems", ListRepositories.joined(args.strings("operating_systems")))
            .query("architectures", ListRepositories.joined(args.strings("architectures")))
            .query("extension_reviewed", args.bool("extension_reviewed", false) ? "true" : null)
            .query("sort", args.optString("sort").orElse(null))
            .query("order", args.optString("order").orElse(null))
            .auth(HubAuth.NONE)
            .build();
        HubResponse response = ctx.hub().send(request);
        JsonNode body = response.json();
        dev.dockerhubmcp.api.PagedList.pageObject(body); // strict: a malformed page is an upstream error
        if (args.bool("verbose", false)) {
            return Result.ok(response.status(), body);
        }
        ObjectNode data = Compact.NODES.objectNode();
        long total = body.path("total").asLong(body.path("results").size());
        data.put("total", total);
        data.put("from", from);
        if (from + body.path("results").size() < total && body.path("results").size() > 0) {
            data.put("next_from", from + body.path("results").size());
        }
        ArrayNode results = data.putArray("results");
        for (JsonNode r : body.path("results")) {
            results.add(entry(r));
        }
        return Result.ok(response.status(), data);
    }

    static ObjectNode entry(JsonNode r) {
        ObjectNode out = Compact.NODES.objectNode();
        Compact.copy(r, "name", out, "name");
        String publisher = Compact.text(r.path("publisher"), "name");
        if (publisher != null) {
            out.put("publisher", publisher);
        }
        String badge = Compact.text(r, "badge");
        if (badge != null && !badge.equals("none")) {
            out.put("badge", badge);
        }
        String type = Compact.text(r, "type");
        if (type != null && !type.equals("image")) {
            out.put("type", type);
        }
        Compact.copy(r, "star_count", out, "star_count");
        Compact.copy(r, "pull_count", out, "pull_count");
        Compact.copy(r, "short_description", out, "description");
        if (r.path("archived").asBoolean(false)) {
            out.put("archived", true);
        }
        return out;
    }
}
