package dev.dockerhubmcp.plugins.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * Page-numbered Hub lists ({@code page}, {@code page_size} 1–100, answers with {@code count}/{@code next}/
 * {@code results}): one page by default, or every page up to an item cap with {@code all_pages}. Bounded: at most
 * {@value #MAX_PAGES} requests and {@value #MAX_ITEMS_CAP} items per call.
 */
final class Paging {
    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_MAX_ITEMS = 200;
    static final int MAX_ITEMS_CAP = 1000;
    static final int MAX_PAGES = 50;

    /** What one page held. */
    record Page(List<JsonNode> items, Long count, boolean hasNext) {
        Page {
            items = List.copyOf(requireNonNull(items, "items is null"));
        }
    }

    private Paging() {
    }

    /** Adds {@code page}, {@code page_size}, {@code all_pages} and {@code max_items} to a schema. */
    static Schema.ObjectBuilder paged(Schema.ObjectBuilder schema) {
        return schema
            .optional("page", Schema.integer("Page number, from 1").min(1))
            .optional("page_size", Schema.integer("Items per page, 1-100").min(1).max(MAX_PAGE_SIZE))
            .optional("all_pages", Schema.bool("Fetch every page (from 'page', default 1) up to max_items; one "
                + "request per page").defaultValue(false))
            .optional("max_items", Schema.integer("With all_pages: stop after this many items (default "
                + DEFAULT_MAX_ITEMS + ", at most " + MAX_ITEMS_CAP + ")").min(1).max(MAX_ITEMS_CAP));
    }

    /** The shape of a paged answer's {@code data}. */
    static ObjectNode output(String itemsDescription) {
        return Schema.object()
            .optional("count", Schema.integer("Total items upstream across all pages; null when not reported")
                .with("type", List.of("integer", "null")))
            .optional("page", Schema.integer("The page returned (single-page mode)"))
            .optional("next_page", Schema.integer("The next page to ask for, or null when this was the last")
                .with("type", List.of("integer", "null")))
            .optional("pages_fetched", Schema.integer("Pages fetched (all_pages mode)"))
            .optional("truncated", Schema.bool("True when max_items stopped the walk before the last page"))
            .required("items", Schema.array(Schema.objectProp(itemsDescription), itemsDescription))
            .allowAdditional().build();
    }

    /** Checks the paging arguments before anything is sent. */
    static void check(Arguments args) {
        if (args.has("max_items") && !args.bool("all_pages", false)) {
            throw ActionException.validation("'max_items' only applies with 'all_pages': true");
        }
    }

    /**
     * Runs a paged list.
     *
     * @param base    the request without {@code page}/{@code page_size}
     * @param read    reads one answer into items, count and whether another page follows
     * @param compact turns one upstream record into what the caller sees
     */
    static Result run(Arguments args, ActionContext ctx, HubRequest base, Function<JsonNode, Page> read,
                      UnaryOperator<JsonNode> compact) {
        check(args);
        long firstPage = args.longValue("page", 1);
        if (!args.bool("all_pages", false)) {
            HubRequest req = base;
            if (args.has("page")) {
                req = req.withQuery("page", String.valueOf(firstPage));
            }
            if (args.has("page_size")) {
                req = req.withQuery("page_size", String.valueOf(args.longValue("page_size", MAX_PAGE_SIZE)));
            }
            HubResponse response = ctx.hub().send(req);
            Page page = read.apply(response.json());
            ObjectNode data = Json.object();
            putCount(data, page.count());
            data.put("page", firstPage);
            if (page.hasNext()) {
                data.put("next_page", firstPage + 1);
            } else {
                data.putNull("next_page");
            }
            data.set("items", items(page.items(), compact));
            return Result.ok(response.status(), data);
        }
        int maxItems = args.integer("max_items", DEFAULT_MAX_ITEMS);
        long pageSize = args.longValue("page_size", MAX_PAGE_SIZE);
        List<JsonNode> all = new ArrayList<>();
        Long count = null;
        boolean more = true;
        int fetched = 0;
        int status = 200;
        long pageNo = firstPage;
        while (more && all.size() < maxItems && fetched < MAX_PAGES && !ctx.cancelled()) {
            HubResponse response = ctx.hub().send(base.withQuery("page", String.valueOf(pageNo))
                .withQuery("page_size", String.valueOf(pageSize)));
            status = response.status();
            Page page = read.apply(response.json());
            fetched++;
            count = page.count() != null ? page.count() : count;
            all.addAll(page.items());
            more = page.hasNext() && !page.items().isEmpty();
            pageNo++;
            ctx.progress(all.size(), count, "fetched page " + (pageNo - 1));
        }
        boolean truncated = more || all.size() > maxItems;
        List<JsonNode> kept = all.size() > maxItems ? all.subList(0, maxItems) : all;
        ObjectNode data = Json.object();
        putCount(data, count);
        data.put("pages_fetched", fetched);
        data.put("truncated", truncated);
        data.set("items", items(kept, compact));
        Result result = Result.ok(status, data);
        if (truncated) {
            boolean pageBound = all.size() < maxItems;
            long resume = all.size() > maxItems ? pageNo - 1 : pageNo; // the last page was cut: it has unseen items
            result = result.withWarning("stopped after " + kept.size() + " items (" + fetched + " pages"
                + (pageBound ? ", the most one call fetches" : "") + "); more remain: "
                + (pageBound ? "use a larger page_size" : "raise max_items (up to " + MAX_ITEMS_CAP + ")")
                + ", continue from page " + resume + ", or narrow the filter");
        }
        return result;
    }

    /** Reads a Django-style page: {@code {count, next, previous, results}}. */
    static Page standard(JsonNode json) {
        List<JsonNode> items = new ArrayList<>();
        json.path("results").forEach(items::add);
        Long count = json.path("count").isNumber() ? json.path("count").asLong() : null;
        return new Page(items, count, Json.text(json, "next") != null);
    }

    private static void putCount(ObjectNode data, Long count) {
        if (count == null) {
            data.putNull("count");
        } else {
            data.put("count", count);
        }
    }

    private static ArrayNode items(List<JsonNode> records, UnaryOperator<JsonNode> compact) {
        ArrayNode out = Json.array();
        records.forEach(r -> out.add(compact.apply(r)));
        return out;
    }
}
