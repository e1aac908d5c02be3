package dev.dockerhubmcp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.hub.HubPages;
import dev.dockerhubmcp.api.hub.HubRequest;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The arguments and answer of a page-numbered Hub list action ({@code page}, {@code page_size}): one page by
 * default, or every page up to an item cap with {@code all_pages} (walked by {@link HubPages#walk(HubRequest)} by page
 * number, so a {@code next} link is never sent to). Bounded: at most {@link #maxPages()} requests and
 * {@link #maxItemsCap()} items per call.
 *
 * <pre>{@code
 * static final PagedList PAGING = PagedList.DEFAULT;
 * static final Action ACTION = Action.builder("list")
 *     .input(PAGING.input(Schema.object().required("org", ...)))    // + page, page_size, all_pages, max_items
 *     .output(PAGING.output("A team: id, name, description"))       // count, page, next_page, pages_fetched, ...
 *     .handler((args, ctx) -> PAGING.run(args, ctx, HubRequest.get("/v2/orgs/{}/groups", args.string("org"))
 *         .build(), t -> JsonNodes.pick(t, "id", "name", "description")))
 *     ...
 * }</pre>
 *
 * <p>One page: the request as given plus {@code page}/{@code page_size} when the caller named them; the answer is
 * {@code {count, page, next_page, items}}. {@code all_pages}: {@code page} (from the caller's, default 1) and
 * {@code page_size} (default {@link #maxPageSize()}) on every request; the answer is {@code {count, pages_fetched,
 * truncated, items}}, with a warning saying which limit stopped the walk and where to continue.
 *
 * @param maxPageSize     the largest {@code page_size} (the upstream's), and the one {@code all_pages} asks for
 * @param defaultMaxItems the {@code max_items} when the caller gives none
 * @param maxItemsCap     the largest {@code max_items}
 * @param maxPages        the most requests one call makes
 * @param upstreamPageSize the page size the upstream uses when the request names none, or 0 when the answers carry a
 *                        count or {@code next} link (for answers without: another page while a page comes back full)
 */
public record PagedList(int maxPageSize, int defaultMaxItems, int maxItemsCap, int maxPages, int upstreamPageSize) {
    /** Pages of 1–100, 200 items by default, at most 1000 items in 50 requests. */
    public static final PagedList DEFAULT = new PagedList(100, 200, 1000, 50, 0);

    public PagedList {
        if (maxPageSize < 1 || defaultMaxItems < 1 || maxItemsCap < defaultMaxItems || maxPages < 1
            || upstreamPageSize < 0) {
            throw new IllegalArgumentException("paging bounds out of range");
        }
    }

    /** A copy for an upstream that answers pages of {@code size} when none is asked for and gives no count/next. */
    public PagedList withUpstreamPageSize(int size) {
        return new PagedList(maxPageSize, defaultMaxItems, maxItemsCap, maxPages, size);
    }

    /** Adds {@code page}, {@code page_size}, {@code all_pages} and {@code max_items} to a schema. */
    public Schema.ObjectBuilder input(Schema.ObjectBuilder schema) {
        return schema
            .optional("page", Schema.integer("Page number, from 1").min(1))
            .optional("page_size", Schema.integer("Items per page, 1-" + maxPageSize).min(1).max(maxPageSize))
            .optional("all_pages", Schema.bool("Fetch every page (from 'page', default 1) up to max_items; one "
                + "request per page").defaultValue(false))
            .optional("max_items", Schema.integer("With all_pages: stop after this many items (default "
                + defaultMaxItems + ", at most " + maxItemsCap + ")").min(1).max(maxItemsCap));
    }

    /** The shape of a paged answer's {@code data}. */
    public ObjectNode output(String itemsDescription) {
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

    /** Refuses {@code max_items} without {@code all_pages} (before anything is sent). */
    public void check(Arguments args) {
        if (args.has("max_items") && !args.bool("all_pages", false)) {
            throw ActionException.validation("'max_items' only applies with 'all_pages': true");
        }
    }

    /**
     * {@link #run(Arguments, ActionContext, HubRequest, Function, UnaryOperator)} reading the Hub's page objects
     * strictly ({@link HubPages#pageObject(JsonNode)}).
     */
    public Result run(Arguments args, ActionContext ctx, HubRequest base, UnaryOperator<JsonNode> compact) {
        return run(args, ctx, base, HubPages::pageObject, compact);
    }

    /**
     * Runs a paged list.
     *
     * @param base    the request without {@code page}/{@code page_size}
     * @param reader  reads one answer into a page ({@link HubPages#page(JsonNode)} for the Hub's usual shapes)
     * @param compact turns one upstream record into what the caller sees
     */
    public Result run(Arguments args, ActionContext ctx, HubRequest base, Function<JsonNode, HubPages.Page> reader,
                      UnaryOperator<JsonNode> compact) {
        check(args);
        long firstPage = args.longValue("page", 1);
        boolean all = args.bool("all_pages", false);
        HubRequest first = base;
        if (all || args.has("page")) {
            first = first.withQuery("page", String.valueOf(firstPage));
        }
        if (all || args.has("page_size")) {
            first = first.withQuery("page_size", String.valueOf(args.longValue("page_size", maxPageSize)));
        }
        HubPages.Walk walk = HubPages.walk(first).byPageNumber().reader(reader).repeatCheck(false);
        if (upstreamPageSize > 0) {
            walk.pageSize(upstreamPageSize);
        }
        ObjectNode data = JsonNodes.object();
        if (!all) {
            HubPages.Walked one = walk.maxPages(1).run(ctx.hub());
            putCount(data, one.total());
            data.put("page", firstPage);
            if (one.complete()) {
                data.putNull("next_page");
            } else {
                data.put("next_page", firstPage + 1);
            }
            data.set("items", items(one.items(), compact));
            return Result.ok(one.status(), data);
        }
        int maxItems = args.integer("max_items", defaultMaxItems);
        HubPages.Walked walked = walk.maxItems(maxItems).maxPages(maxPages).context(ctx).run(ctx.hub());
        putCount(data, walked.total());
        data.put("pages_fetched", walked.pages());
        data.put("truncated", !walked.complete());
        data.set("items", items(walked.items(), compact));
        Result result = Result.ok(walked.status(), data);
        if (!walked.complete()) {
            result = result.withWarning(warning(walked, "items", "page_size", maxItemsCap));
        }
        return result;
    }

    /**
     * The warning for an {@code all_pages} walk that stopped early: how many it kept, which limit stopped it and how
     * to go on (a larger page, a larger {@code max_items}, where to continue, or a narrower filter), e.g.
     * "stopped after 3 items (2 pages); more remain: raise max_items (up to 1000), continue from page 2, or narrow
     * the filter".
     *
     * @param walked       the walk (not complete)
     * @param noun         what the items are ("items", "users", "tags")
     * @param sizeArgument the action's page size argument ("page_size", "count")
     * @param maxItemsCap  the largest {@code max_items} the action takes
     */
    public static String warning(HubPages.Walked walked, String noun, String sizeArgument, int maxItemsCap) {
        StringBuilder sb = new StringBuilder("stopped after ").append(walked.items().size()).append(' ').append(noun)
            .append(" (").append(walked.pages()).append(" pages");
        String remedy = switch (walked.stop()) {
            case MAX_PAGES -> {
                sb.append(", the most one call fetches");
                yield "use a larger " + sizeArgument;
            }
            case MAX_ITEMS -> "raise max_items (up to " + maxItemsCap + ")";
            case CANCELLED -> {
                sb.append(", cancelled");
                yield "ask again";
            }
            default -> {
                sb.append(", ").append(walked.note());
                yield null;
            }
        };
        sb.append(')');
        Long page = walked.resumeAt("page");
        Long index = walked.resumeAt("startIndex");
        String where = page != null ? "continue from page " + page : index != null ? "continue from startIndex "
            + index : null;
        if (remedy == null && where == null) {
            return sb.toString();
        }
        sb.append("; more remain: ");
        if (remedy != null) {
            sb.append(remedy).append(", ");
        }
        if (where != null) {
            sb.append(where).append(", ");
        }
        return sb.append("or narrow the filter").toString();
    }

    private static void putCount(ObjectNode data, Long count) {
        if (count == null) {
            data.putNull("count");
        } else {
            data.put("count", count);
        }
    }

    private static ArrayNode items(List<JsonNode> records, UnaryOperator<JsonNode> compact) {
        ArrayNode out = JsonNodes.array();
        records.forEach(r -> out.add(compact.apply(r)));
        return out;
    }
}
