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
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubRequest;

import java.util.List;

/** {@code list}: GET /v2/namespaces/{namespace}/repositories. */
final class ListRepositories {
    static final String MEDIA_TYPE = "^[A-Za-z0-9][A-Za-z0-9.+/_-]{0,254}$";

    static final Action ACTION = Action.builder("list")
        .description("List the repositories of a namespace (user or organization), one page at a time or every page "
            + "with all_pages; filter by name (partial match) and, server-side, by the media or content types of "
            + "their artifacts. Anonymous callers see public repositories only. One Hub request per page.")
        .input(Schema.object()
            .required("namespace", Params.namespace())
            .optional("name", Schema.string("Only repositories whose name contains this text").maxLength(255))
            .optional("ordering", Schema.string("Sort order; '-' prefix for descending")
                .enumOf("name", "-name", "last_updated", "-last_updated", "pull_count", "-pull_count"))
            .optional("media_types", Schema.array(Schema.string("A media type, e.g. "
                    + "application/vnd.oci.image.index.v1+json").pattern(MEDIA_TYPE),
                "Only repositories holding an artifact of one of these media types (sent comma-separated)")
                .minItems(1).maxItems(20))
            .optional("content_types", Schema.array(Schema.string("A content type: image, helm, model, ...")
                    .pattern("^[a-z0-9][a-z0-9._-]{0,63}$"),
                "Only repositories holding an artifact of one of these content types (sent comma-separated)")
                .minItems(1).maxItems(20))
            .optional("page", Params.page())
            .optional("page_size", Params.pageSize(10))
            .optional("all_pages", Params.allPages())
            .optional("max_items", Params.maxItems())
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("count", Schema.integer("Repositories in the namespace matching the filters"))
            .required("page", Schema.integer("The first page returned"))
            .required("page_size", Schema.integer("Page size used"))
            .optional("next_page", Schema.integer("The page to ask for next; absent at the end"))
            .optional("truncated", Schema.bool("max_items stopped the walk before the last page"))
            .required("results", Schema.array(Schema.objectProp("name, namespace, description, is_private, "
                + "star_count, pull_count, last_updated, status (compact) or the raw record (verbose)"),
                "Repositories")))
        .effect(Effect.READ)
        .handler(ListRepositories::handle)
        .build();

    private ListRepositories() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        boolean all = args.bool("all_pages", false);
        int page = args.integer("page", 1);
        int pageSize = args.integer("page_size", all ? 100 : 10);
        int maxItems = args.integer("max_items", 500);
        HubRequest request = HubRequest.get("/v2/namespaces/{}/repositories", args.string("namespace"))
            .query("page_size", pageSize)
            .query("name", args.optString("name").orElse(null))
            .query("ordering", args.optString("ordering").orElse(null))
            .query("media_types", joined(args.strings("media_types")))
            .query("content_types", joined(args.strings("content_types")))
            .auth(HubAuth.OPTIONAL)
            .build();
        PagedList.Walked got = Params.walk(ctx, request, page, all, maxItems, r -> true);
        boolean verbose = args.bool("verbose", false);
        ObjectNode data = Compact.NODES.objectNode();
        data.put("count", got.total() == null ? got.items().size() : got.total());
        data.put("page", page);
        data.put("page_size", pageSize);
        Long nextPage = got.resumeAt("page");
        if (nextPage != null) {
            data.put("next_page", nextPage);
        }
        if (all && !got.complete()) {
            data.put("truncated", true);
        }
        ArrayNode results = data.putArray("results");
        for (JsonNode r : got.items()) {
            results.add(verbose ? r : Compact.repository(r));
        }
        Result result = Result.ok(data);
        if (all && !got.complete()) {
            result = result.withWarning(PagedList.warning(got, "repositories", "page_size", Params.MAX_ITEMS_CAP));
        }
        return result;
    }

    static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
