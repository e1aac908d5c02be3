package dev.dockerhubmcp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.hub.HubClient;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * Paging through the Docker Hub's lists, in one place: the arguments and answer of a page-numbered list action,
 * reading one page of any of the Hub's shapes ({@link #page(JsonNode)}), and the walk over pages
 * ({@link #walk(HubRequest)}).
 *
 * <p>A list action ({@code page}, {@code page_size}) answers one page by default, or every page up to an item cap
 * with {@code all_pages} (walked by page number, so a {@code next} link is never sent to). Bounded: at most
 * {@link #maxPages()} requests and {@link #maxItemsCap()} items per call.
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
 * <p>The Hub pages its lists in several ways; {@link #page(JsonNode)} reads any of them into one {@link Page}:
 * <ul>
 *   <li>{@link Shape#COUNT}: {@code {count, next, previous, results}} — repositories, tags, PATs, members,
 *       teams;</li>
 *   <li>{@link Shape#TOTAL}: {@code {total, next?, previous?, results|data}} — organization access tokens;</li>
 *   <li>{@link Shape#LOGS}: {@code {logs}} — audit logs (paged by {@code page}/{@code page_size}, no total);</li>
 *   <li>{@link Shape#DATA}: {@code {data}} — invites;</li>
 *   <li>{@link Shape#SCIM}: {@code {totalResults, startIndex, itemsPerPage, Resources}} — SCIM users and groups
 *       (paged by {@code startIndex}/{@code count});</li>
 *   <li>{@link Shape#ARRAY}: a bare JSON array.</li>
 * </ul>
 *
 * <p>{@link #walk(HubRequest)} sends the first request and then the next ones until it has {@code maxItems} items,
 * the upstream says there is no more, or {@code maxPages} requests were made. It follows a {@code next} link only
 * when it points to the Hub client's own host and the same path as the first request, and it never sends to the link
 * itself: it takes the link's query parameters and builds a new request on the first one's validated path (so a
 * hostile link cannot move the token elsewhere). Without a {@code next} link it increments {@code page} (or
 * {@code startIndex} for SCIM). It stops early when a page repeats the previous one (a server that ignores the page
 * parameter). Every request goes through the shared client: auth, retries and rate limits apply. Its {@link Walked}
 * says which bound stopped it ({@link Stop}) and the request that continues where it stopped
 * ({@link Walked#resume()}).
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
     * strictly ({@link #pageObject(JsonNode)}).
     */
    public Result run(Arguments args, ActionContext ctx, HubRequest base, UnaryOperator<JsonNode> compact) {
        return run(args, ctx, base, PagedList::pageObject, compact);
    }

    /**
     * Runs a paged list.
     *
     * @param base    the request without {@code page}/{@code page_size}
     * @param reader  reads one answer into a page ({@link #page(JsonNode)} for the Hub's usual shapes)
     * @param compact turns one upstream record into what the caller sees
     */
    public Result run(Arguments args, ActionContext ctx, HubRequest base, Function<JsonNode, Page> reader,
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
        Walk walk = walk(first).byPageNumber().reader(reader).repeatCheck(false);
        if (upstreamPageSize > 0) {
            walk.pageSize(upstreamPageSize);
        }
        ObjectNode data = JsonNodes.object();
        if (!all) {
            Walked one = walk.maxPages(1).run(ctx.hub());
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
        Walked walked = walk.maxItems(maxItems).maxPages(maxPages).context(ctx).run(ctx.hub());
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
    public static String warning(Walked walked, String noun, String sizeArgument, int maxItemsCap) {
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

    /** The default bound on requests of one {@link #walk(HubRequest)}. */
    public static final int DEFAULT_MAX_PAGES = 20;

    /** How a page is laid out. */
    public enum Shape {
        /** {@code count, next, previous, results}. */
        COUNT,
        /** {@code total} with {@code results} or {@code data}. */
        TOTAL,
        /** {@code logs} (audit). */
        LOGS,
        /** {@code data} without a total (invites). */
        DATA,
        /** SCIM {@code totalResults, startIndex, itemsPerPage, Resources}. */
        SCIM,
        /** a bare array. */
        ARRAY,
        /** anything else (no items found). */
        UNKNOWN
    }

    /**
     * One page read from any of the Hub's shapes.
     *
     * @param shape        how the page was laid out
     * @param items        the page's items (never null)
     * @param total        the upstream's total across pages ({@code count}, {@code total}, {@code totalResults}),
     *                     or null when it gives none
     * @param next         the {@code next} link, or null (absent, null or blank)
     * @param previous     the {@code previous} link, or null
     * @param hasNextField whether the answer carried a {@code next} field at all (then null means "no more")
     * @param startIndex   SCIM {@code startIndex}, or null
     * @param itemsPerPage SCIM {@code itemsPerPage}, or null
     */
    public record Page(Shape shape, List<JsonNode> items, Long total, String next, String previous,
                       boolean hasNextField, Long startIndex, Long itemsPerPage) {
        public Page {
            requireNonNull(shape, "shape is null");
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * Reads one page of any shape, strictly: an answer that is not JSON, not an object or array, has no list field
     * ({@code results}, {@code data}, {@code logs}, {@code Resources}), a list field that is not an array, or a
     * count that is not a whole number is an {@code upstream} error saying so, never an empty page.
     */
    public static Page page(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw malformed("no JSON body where a list was expected");
        }
        if (body.isArray()) {
            return new Page(Shape.ARRAY, list(body, "the answer"), null, null, null, false, null, null);
        }
        if (!body.isObject()) {
            throw malformed("a JSON " + kind(body) + " where a list was expected");
        }
        if (body.has("Resources") || body.has("totalResults")) {
            return new Page(Shape.SCIM, list(body.get("Resources"), "Resources"), number(body, "totalResults"), null,
                null, false, number(body, "startIndex"), number(body, "itemsPerPage"));
        }
        String next = link(body.get("next"));
        String previous = link(body.get("previous"));
        boolean hasNext = body.has("next");
        if (body.has("count") && body.has("results")) {
            return new Page(Shape.COUNT, list(body.get("results"), "results"), number(body, "count"), next, previous,
                hasNext, null, null);
        }
        if (body.has("total") && (body.has("results") || body.has("data"))) {
            String field = body.has("results") ? "results" : "data";
            return new Page(Shape.TOTAL, list(body.get(field), field), number(body, "total"), next, previous, hasNext,
                null, null);
        }
        if (body.has("results")) {
            return new Page(Shape.COUNT, list(body.get("results"), "results"), number(body, "count"), next, previous,
                hasNext, null, null);
        }
        if (body.has("logs")) {
            return new Page(Shape.LOGS, list(body.get("logs"), "logs"), null, next, previous, hasNext, null, null);
        }
        if (body.has("data")) {
            return new Page(Shape.DATA, list(body.get("data"), "data"), number(body, "total"), next, previous, hasNext,
                null, null);
        }
        throw malformed("an object without a list ('results', 'data', 'logs' or 'Resources')");
    }

    /** {@link #page(JsonNode)} for an endpoint that answers page objects: a bare array is refused too. */
    public static Page pageObject(JsonNode body) {
        if (body != null && body.isArray()) {
            throw malformed("a JSON array where a page object was expected");
        }
        return page(body);
    }

    /** The {@code upstream} error for an answer of the wrong shape. */
    public static ActionException malformed(String what) {
        return new ActionException(ErrorType.UPSTREAM, "hub answered " + what + "; the answer is not what this "
            + "action reads (a changed API, a proxy, or a cut-short answer)");
    }

    private static String kind(JsonNode n) {
        return n.isTextual() ? "string" : n.isNumber() ? "number" : n.isBoolean() ? "boolean" : n.isArray() ? "array"
            : n.isObject() ? "object" : "null";
    }

    /**
     * A walk over pages to configure before it {@link Walk#run(HubClient) runs}: the bounds, how it advances, the
     * upstream's default page size, a reader for another answer shape, a client-side filter, cancellation and
     * progress. Without choices: follow safe {@code next} links, at most {@value #DEFAULT_MAX_PAGES} requests.
     *
     * <pre>{@code
     * // all_pages of a page-numbered list: pages from the caller's, at most 1000 items in 50 requests
     * PagedList.Walked w = PagedList.walk(base.withQuery("page", "1").withQuery("page_size", "100"))
     *     .byPageNumber().maxItems(1000).maxPages(50).repeatCheck(false).context(ctx).run(ctx.hub());
     * if (!w.complete()) {
     *     // w.stop() says which bound stopped it; w.resumeAt("page") where to continue
     * }
     * }</pre>
     *
     * @param first the first page's request
     */
    public static Walk walk(HubRequest first) {
        return new Walk(requireNonNull(first, "first is null"));
    }

    /** Why a walk stopped. */
    public enum Stop {
        /** the upstream has no more: every item was seen. */
        END,
        /** {@link Walk#maxItems(int)} items were kept and more exist. */
        MAX_ITEMS,
        /** {@link Walk#maxPages(int)} requests were made and more exist. */
        MAX_PAGES,
        /** the caller cancelled ({@link Walk#context(ActionContext)}). */
        CANCELLED,
        /** a page repeated the previous one: the upstream ignored the page parameter. */
        REPEATED,
        /** a {@code next} link pointed elsewhere (another host or path, or no URL) and was not followed. */
        LINK_REFUSED
    }

    /**
     * What a {@link Walk} collected.
     *
     * @param items   the kept items, in order, at most {@code maxItems}
     * @param total   the upstream's total when it gives one, else null
     * @param pages   how many requests were made
     * @param scanned how many items the pages held up to where the walk stopped (before {@link Walk#keep})
     * @param status  the HTTP status of the last page
     * @param stop    why it stopped ({@link Stop#END} when complete)
     * @param resume  the request that continues right after the last kept item (the page holding the first item
     *                not kept, or the next one), or null when complete or when it cannot be said
     * @param note    why it stopped early and where to continue (for a warning), or null when complete
     */
    public record Walked(List<JsonNode> items, Long total, int pages, int scanned, int status, Stop stop,
                         HubRequest resume, String note) {
        public Walked {
            items = items == null ? List.of() : List.copyOf(items);
            requireNonNull(stop, "stop is null");
        }

        /** True when every item the upstream has was seen. */
        public boolean complete() {
            return stop == Stop.END;
        }

        /** The value of {@code parameter} ({@code page}, {@code startIndex}) in {@link #resume()}, or null. */
        public Long resumeAt(String parameter) {
            if (resume == null) {
                return null;
            }
            long v = parseLong(query(resume, parameter), -1);
            return v < 0 ? null : v;
        }
    }

    /**
     * The choices of one walk; {@link #run(HubClient)} sends the first request and then the next ones until the
     * upstream has no more or a bound stops it. Which page comes next:
     * <ul>
     *   <li>an empty page is the last;</li>
     *   <li>SCIM ({@code startIndex}/{@code count}): the next index is this page's {@code startIndex} plus its items,
     *       while that is at most {@code totalResults}; without a total, while a page comes back full;</li>
     *   <li>when the items seen reach the upstream's total, there is no more;</li>
     *   <li>a {@code next} link means more: it is followed (safely, see {@link PagedList}), or with
     *       {@link #byPageNumber()} the {@code page} number is incremented instead; {@code "next": null} means no
     *       more;</li>
     *   <li>without any {@code next} (audit logs carry none), another page is assumed while a page comes back full:
     *       as many items as the request's {@code page_size} (or {@link #pageSize(int)}; unknown: until an empty
     *       page);</li>
     *   <li>a bare array or {@code data} list asked for without {@code page} or {@code page_size} is one page.</li>
     * </ul>
     */
    public static final class Walk {
        private final HubRequest first;
        private int maxItems = Integer.MAX_VALUE;
        private int maxPages = DEFAULT_MAX_PAGES;
        private boolean byPageNumber;
        private int pageSize = -1;
        private Function<JsonNode, Page> reader = PagedList::pageObject;
        private Predicate<JsonNode> keep = item -> true;
        private boolean repeatCheck = true;
        private ActionContext context;

        private Walk(HubRequest first) {
            this.first = first;
        }

        /** Stop once this many items are kept (at least 1; default: no bound but {@link #maxPages}). */
        public Walk maxItems(int maxItems) {
            if (maxItems < 1) {
                throw new IllegalArgumentException("maxItems must be at least 1");
            }
            this.maxItems = maxItems;
            return this;
        }

        /** Stop after this many requests (at least 1; default {@value #DEFAULT_MAX_PAGES}). */
        public Walk maxPages(int maxPages) {
            if (maxPages < 1) {
                throw new IllegalArgumentException("maxPages must be at least 1");
            }
            this.maxPages = maxPages;
            return this;
        }

        /**
         * Advance by {@code page} number (SCIM: {@code startIndex}) on the first request, keeping its other
         * parameters; a {@code next} link only says that more exist and is never sent to, whatever host, path or
         * query it names.
         */
        public Walk byPageNumber() {
            this.byPageNumber = true;
            return this;
        }

        /**
         * The page size the upstream uses when the request names none (no {@code page_size}, SCIM {@code count}):
         * a page that comes back this full suggests another when the answer has no count or {@code next}
         * (at least 1).
         */
        public Walk pageSize(int pageSize) {
            if (pageSize < 1) {
                throw new IllegalArgumentException("pageSize must be at least 1");
            }
            this.pageSize = pageSize;
            return this;
        }

        /** Reads one answer into a {@link Page} (default {@link #pageObject(JsonNode)}), for a shape it lacks. */
        public Walk reader(Function<JsonNode, Page> reader) {
            this.reader = requireNonNull(reader, "reader is null");
            return this;
        }

        /** Keeps only the items this accepts (a client-side filter); {@code maxItems} counts kept items. */
        public Walk keep(Predicate<JsonNode> keep) {
            this.keep = requireNonNull(keep, "keep is null");
            return this;
        }

        /**
         * Whether to stop when a page starts with the item the previous page started with (default true: a server
         * ignoring the page parameter); turn it off where consecutive pages may hold equal records.
         */
        public Walk repeatCheck(boolean repeatCheck) {
            this.repeatCheck = repeatCheck;
            return this;
        }

        /** Checks {@code ctx.cancelled()} before each further request and reports {@code ctx.progress} per page. */
        public Walk context(ActionContext ctx) {
            this.context = requireNonNull(ctx, "ctx is null");
            return this;
        }

        /** Runs the walk through the shared client (auth, retries and rate limits apply to every request). */
        public Walked run(HubClient hub) {
            requireNonNull(hub, "hub is null");
            List<JsonNode> items = new ArrayList<>();
            HubRequest request = first;
            Long total = null;
            int pages = 0;
            int scanned = 0;
            JsonNode previousFirst = null;
            while (true) {
                HubResponse response = hub.send(request);
                Page page = reader.apply(response.json());
                pages++;
                if (page.total() != null) {
                    total = page.total();
                }
                if (repeatCheck && !page.items().isEmpty() && pages > 1
                    && Objects.equals(page.items().get(0), previousFirst)) {
                    return new Walked(items, total, pages, scanned, response.status(), Stop.REPEATED, null,
                        "stopped: page " + pages + " repeated the previous page (the upstream ignored the page "
                            + "parameter)");
                }
                previousFirst = page.items().isEmpty() ? null : page.items().get(0);
                int cutAt = -1;
                for (int i = 0; i < page.items().size(); i++) {
                    JsonNode item = page.items().get(i);
                    scanned++;
                    if (!keep.test(item)) {
                        continue;
                    }
                    if (items.size() >= maxItems) {
                        cutAt = i;
                        break;
                    }
                    items.add(item);
                }
                Next next = cutAt >= 0 ? null : next(hub, request, page, scanned, total);
                if (next != null && next.request == null && next.problem == null) {
                    return new Walked(items, total, pages, scanned, response.status(), Stop.END, null, null);
                }
                if (next != null && next.problem != null) {
                    return new Walked(items, total, pages, scanned, response.status(), Stop.LINK_REFUSED, null,
                        next.problem);
                }
                HubRequest resume = cutAt >= 0 ? resumeWithin(request, page, cutAt) : next.request;
                if (cutAt >= 0 || items.size() >= maxItems) {
                    return new Walked(items, total, pages, scanned, response.status(), Stop.MAX_ITEMS, resume,
                        "stopped at " + maxItems + " items (the limit asked for)" + rest(total, resume));
                }
                if (pages >= maxPages) {
                    return new Walked(items, total, pages, scanned, response.status(), Stop.MAX_PAGES, resume,
                        "stopped after " + maxPages + " pages (the page limit) with " + items.size() + " items"
                            + rest(total, resume));
                }
                if (context != null) {
                    context.progress(items.size(), total, "read page " + pages);
                    if (context.cancelled()) {
                        return new Walked(items, total, pages, scanned, response.status(), Stop.CANCELLED, resume,
                            "stopped: cancelled after " + pages + " pages with " + items.size() + " items"
                                + rest(total, resume));
                    }
                }
                request = next.request;
            }
        }

        private static String rest(Long total, HubRequest resume) {
            String where = "";
            for (String parameter : List.of("page", "startIndex")) {
                String v = resume == null ? null : query(resume, parameter);
                if (v != null) {
                    where = "; continue from " + parameter + " " + v;
                    break;
                }
            }
            return (total == null ? "; more exist" : "; " + total + " in total") + where;
        }

        /** The request for the page holding item {@code index} of {@code page} (SCIM: starting at that item). */
        private static HubRequest resumeWithin(HubRequest current, Page page, int index) {
            if (page.shape() == Shape.SCIM) {
                long start = page.startIndex() != null ? page.startIndex()
                    : parseLong(query(current, "startIndex"), 1);
                return current.withQuery("startIndex", String.valueOf(start + index));
            }
            return current.withQuery("page", String.valueOf(parseLong(query(current, "page"), 1)));
        }

        private Next next(HubClient hub, HubRequest current, Page page, int scanned, Long total) {
            if (page.items().isEmpty()) {
                return Next.DONE;
            }
            if (page.shape() == Shape.SCIM) {
                long start = page.startIndex() != null ? page.startIndex()
                    : parseLong(query(current, "startIndex"), 1);
                long after = start + page.items().size();
                if (total != null ? after > total : isShort(current, "count", page)) {
                    return Next.DONE;
                }
                return new Next(current.withQuery("startIndex", String.valueOf(after)), null);
            }
            if (total != null && scanned >= total) {
                return Next.DONE;
            }
            if (page.next() != null) {
                return byPageNumber ? nextNumber(current) : follow(hub, first, page.next());
            }
            switch (page.shape()) {
                case COUNT, TOTAL -> {
                    if (page.hasNextField()) {
                        return Next.DONE; // "next": null — the upstream says there is no more
                    }
                    return fullPageRule(current, page);
                }
                case LOGS -> {
                    return fullPageRule(current, page);
                }
                case DATA, ARRAY -> {
                    if (query(current, "page") == null && query(current, "page_size") == null) {
                        return Next.DONE; // an unpaged list
                    }
                    return fullPageRule(current, page);
                }
                default -> {
                    return Next.DONE;
                }
            }
        }

        private Next fullPageRule(HubRequest current, Page page) {
            return isShort(current, "page_size", page) ? Next.DONE : nextNumber(current);
        }

        /** A page with fewer items than asked for (or than the upstream's default) is the last. */
        private boolean isShort(HubRequest current, String sizeParameter, Page page) {
            long size = parseLong(query(current, sizeParameter), pageSize);
            return size > 0 && page.items().size() < size;
        }

        private static Next nextNumber(HubRequest current) {
            long number = parseLong(query(current, "page"), 1);
            return new Next(current.withQuery("page", String.valueOf(number + 1)), null);
        }
    }

    private record Next(HubRequest request, String problem) {
        static final Next DONE = new Next(null, null);
    }

    /**
     * The request for a {@code next} link: the link must be relative or on the Hub client's host (and port), and
     * name the first request's path; only its query parameters are used.
     */
    static Next follow(HubClient hub, HubRequest first, String link) {
        URI uri;
        try {
            uri = new URI(link.trim());
        } catch (URISyntaxException e) {
            return new Next(null, "stopped: the next link is not a valid URL");
        }
        if (uri.isAbsolute() || uri.getRawAuthority() != null) {
            URI base = URI.create(hub.baseUrl());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || !uri.getHost().equalsIgnoreCase(base.getHost()) || port(uri) != port(base)) {
                return new Next(null, "stopped: the next link points to another host (" + uri.getHost()
                    + "); not followed");
            }
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!trimSlash(path).equals(trimSlash(first.path()))) {
            return new Next(null, "stopped: the next link points to another path; not followed");
        }
        List<Map.Entry<String, String>> query = new ArrayList<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.add(Map.entry(k, v));
            }
        }
        return new Next(new HubRequest(first.method(), first.path(), query, first.body(), first.accept(),
            first.contentType(), first.auth(), first.accepting()), null);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "http".equalsIgnoreCase(u.getScheme()) ? 80 : 443;
    }

    private static String trimSlash(String p) {
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }

    private static String query(HubRequest r, String name) {
        String found = null;
        for (Map.Entry<String, String> e : r.query()) {
            if (e.getKey().equals(name)) {
                found = e.getValue();
            }
        }
        return found;
    }

    private static long parseLong(String v, long fallback) {
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static List<JsonNode> list(JsonNode array, String field) {
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw malformed("'" + field + "' as a " + kind(array) + " instead of a list");
        }
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** A count field: absent or null is null; a whole number (or its digits as text) at least 0; else an error. */
    private static Long number(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        Long v = null;
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            v = n.asLong();
        } else if (n.isTextual()) {
            try {
                v = Long.parseLong(n.asText().trim());
            } catch (NumberFormatException e) {
                v = null;
            }
        }
        if (v == null || v < 0) {
            throw malformed("'" + field + "' as " + (n.isTextual() ? "the text '" + abbreviate(n.asText()) + "'"
                : "a " + kind(n) + (n.isNumber() ? " " + abbreviate(n.asText()) : "")) + " instead of a count");
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }

    private static String link(JsonNode n) {
        return n == null || !n.isTextual() || n.asText().isBlank() ? null : n.asText();
    }
}
