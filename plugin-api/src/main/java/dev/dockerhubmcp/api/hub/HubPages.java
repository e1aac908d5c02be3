package dev.dockerhubmcp.api.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * Reads the Docker Hub's page shapes and collects "all pages up to N items".
 *
 * <p>The Hub pages its lists in several ways; {@link #page(JsonNode)} reads any of them into one {@link Page}:
 * <ul>
 *   <li>{@link Shape#COUNT}: {@code {count, next, previous, results}} — repositories, tags, PATs, members, teams;</li>
 *   <li>{@link Shape#TOTAL}: {@code {total, next?, previous?, results|data}} — organization access tokens;</li>
 *   <li>{@link Shape#LOGS}: {@code {logs}} — audit logs (paged by {@code page}/{@code page_size}, no total);</li>
 *   <li>{@link Shape#DATA}: {@code {data}} — invites;</li>
 *   <li>{@link Shape#SCIM}: {@code {totalResults, startIndex, itemsPerPage, Resources}} — SCIM users and groups
 *       (paged by {@code startIndex}/{@code count});</li>
 *   <li>{@link Shape#ARRAY}: a bare JSON array.</li>
 * </ul>
 *
 * <p>{@link #all(HubClient, HubRequest, int, int)} sends the first request and then the next ones until it has
 * {@code maxItems} items, the upstream says there is no more, or {@code maxPages} requests were made. It follows a
 * {@code next} link only when it points to the Hub client's own host and the same path as the first request, and it
 * never sends to the link itself: it takes the link's query parameters and builds a new request on the first one's
 * validated path (so a hostile link cannot move the token elsewhere). Without a {@code next} link it increments
 * {@code page} (or {@code startIndex} for SCIM). It stops early when a page repeats the previous one (a server that
 * ignores the page parameter). Every request goes through the shared client: auth, retries and rate limits apply.
 *
 * <pre>{@code
 * // in a handler: up to 500 tags, at most 10 requests of 100
 * HubRequest first = HubRequest.get("/v2/namespaces/{}/repositories/{}/tags", ns, repo)
 *     .query("page_size", 100).auth(HubAuth.OPTIONAL).build();
 * HubPages.All all = HubPages.all(ctx.hub(), first, 500, 10);
 * ObjectNode data = JsonNodeFactory.instance.objectNode();
 * data.put("count", all.total());                  // upstream total when it says (null otherwise)
 * data.set("results", all.itemsArray());           // at most 500
 * data.put("complete", all.complete());            // false when a bound stopped the walk
 * Result r = Result.ok(data);
 * if (!all.complete()) {
 *     r = r.withWarning(all.note());               // e.g. "stopped at 500 items (max_items); 1234 in total"
 * }
 *
 * // one page, whatever its shape
 * HubPages.Page p = HubPages.page(ctx.hub().send(request).json());
 * p.items(); p.total(); p.next();
 * }</pre>
 */
public final class HubPages {
    /** The default bound on requests of one {@link #all(HubClient, HubRequest, int)} walk. */
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
     * What a walk over pages collected.
     *
     * @param items    the items, at most {@code maxItems}
     * @param total    the upstream's total when it gives one, else null
     * @param pages    how many requests were made
     * @param complete true when every item the upstream has was collected
     * @param note     why the walk stopped early (for a warning), or null when complete
     */
    public record All(List<JsonNode> items, Long total, int pages, boolean complete, String note) {
        public All {
            items = items == null ? List.of() : List.copyOf(items);
        }

        /** The items as a JSON array (copies). */
        public ArrayNode itemsArray() {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            items.forEach(i -> a.add(i.deepCopy()));
            return a;
        }
    }

    private HubPages() {
    }

    /** Reads one page of any shape; an unknown shape has no items. */
    public static Page page(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return new Page(Shape.UNKNOWN, List.of(), null, null, null, false, null, null);
        }
        if (body.isArray()) {
            return new Page(Shape.ARRAY, list(body), null, null, null, false, null, null);
        }
        if (body.has("Resources") || body.has("totalResults")) {
            return new Page(Shape.SCIM, list(body.get("Resources")), number(body.get("totalResults")), null, null,
                false, number(body.get("startIndex")), number(body.get("itemsPerPage")));
        }
        String next = link(body.get("next"));
        String previous = link(body.get("previous"));
        boolean hasNext = body.has("next");
        if (body.has("count") && body.has("results")) {
            return new Page(Shape.COUNT, list(body.get("results")), number(body.get("count")), next, previous,
                hasNext, null, null);
        }
        if (body.has("total") && (body.has("results") || body.has("data"))) {
            JsonNode items = body.has("results") ? body.get("results") : body.get("data");
            return new Page(Shape.TOTAL, list(items), number(body.get("total")), next, previous, hasNext, null, null);
        }
        if (body.has("results")) {
            return new Page(Shape.COUNT, list(body.get("results")), number(body.get("count")), next, previous, hasNext,
                null, null);
        }
        if (body.has("logs")) {
            return new Page(Shape.LOGS, list(body.get("logs")), null, next, previous, hasNext, null, null);
        }
        if (body.has("data")) {
            return new Page(Shape.DATA, list(body.get("data")), number(body.get("total")), next, previous, hasNext,
                null, null);
        }
        return new Page(Shape.UNKNOWN, List.of(), null, next, previous, hasNext, null, null);
    }

    /** {@link #all(HubClient, HubRequest, int, int)} with at most {@value #DEFAULT_MAX_PAGES} requests. */
    public static All all(HubClient hub, HubRequest first, int maxItems) {
        return all(hub, first, maxItems, DEFAULT_MAX_PAGES);
    }

    /**
     * Collects items over pages.
     *
     * @param hub      the shared client ({@code ctx.hub()})
     * @param first    the first page's request (its {@code page}, {@code page_size}, {@code startIndex},
     *                 {@code count} and filters carry over)
     * @param maxItems stop once this many items are collected (at least 1)
     * @param maxPages stop after this many requests (at least 1)
     */
    public static All all(HubClient hub, HubRequest first, int maxItems, int maxPages) {
        requireNonNull(hub, "hub is null");
        requireNonNull(first, "first is null");
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1");
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1");
        }
        List<JsonNode> items = new ArrayList<>();
        HubRequest request = first;
        Long total = null;
        int pages = 0;
        JsonNode previousFirst = null;
        while (true) {
            Page page = page(hub.send(request).json());
            pages++;
            if (page.total() != null) {
                total = page.total();
            }
            if (!page.items().isEmpty() && pages > 1 && Objects.equals(page.items().get(0), previousFirst)) {
                return new All(items, total, pages, false, "stopped: page " + pages + " repeated the previous page "
                    + "(the upstream ignored the page parameter)");
            }
            previousFirst = page.items().isEmpty() ? null : page.items().get(0);
            int room = maxItems - items.size();
            List<JsonNode> taken = page.items().size() > room ? page.items().subList(0, room) : page.items();
            items.addAll(taken);
            boolean leftOnPage = taken.size() < page.items().size();
            Next next = next(hub, first, request, page, items.size(), total);
            if (next.request == null && next.problem == null && !leftOnPage) {
                return new All(items, total, pages, true, null);
            }
            if (next.problem != null) {
                return new All(items, total, pages, false, next.problem);
            }
            if (items.size() >= maxItems) {
                return new All(items, total, pages, false, "stopped at " + maxItems + " items (the limit asked for)"
                    + (total == null ? "; more exist" : "; " + total + " in total"));
            }
            if (pages >= maxPages) {
                return new All(items, total, pages, false, "stopped after " + maxPages + " pages (the page limit) with "
                    + items.size() + " items" + (total == null ? "; more exist" : "; " + total + " in total"));
            }
            request = next.request;
        }
    }

    private record Next(HubRequest request, String problem) {
        static final Next DONE = new Next(null, null);
    }

    private static Next next(HubClient hub, HubRequest first, HubRequest current, Page page, int collected,
                             Long total) {
        if (page.items().isEmpty()) {
            return Next.DONE;
        }
        if (total != null && collected >= total) {
            return Next.DONE;
        }
        switch (page.shape()) {
            case SCIM -> {
                long start = page.startIndex() != null ? page.startIndex()
                    : parseLong(query(current, "startIndex"), 1);
                long after = start + page.items().size();
                if (total != null && after > total) {
                    return Next.DONE;
                }
                return new Next(current.withQuery("startIndex", String.valueOf(after)), null);
            }
            case COUNT, TOTAL -> {
                if (page.next() != null) {
                    return follow(hub, first, page.next());
                }
                if (page.hasNextField()) {
                    return Next.DONE; // "next": null — the upstream says there is no more
                }
                return byPageNumber(current, page);
            }
            case LOGS -> {
                if (page.next() != null) {
                    return follow(hub, first, page.next());
                }
                return byPageNumber(current, page);
            }
            case DATA, ARRAY -> {
                if (page.next() != null) {
                    return follow(hub, first, page.next());
                }
                if (query(current, "page") == null && query(current, "page_size") == null) {
                    return Next.DONE; // an unpaged list
                }
                return byPageNumber(current, page);
            }
            default -> {
                return Next.DONE;
            }
        }
    }

    private static Next byPageNumber(HubRequest current, Page page) {
        long size = parseLong(query(current, "page_size"), -1);
        if (size > 0 && page.items().size() < size) {
            return Next.DONE; // a short page is the last
        }
        long number = parseLong(query(current, "page"), 1);
        return new Next(current.withQuery("page", String.valueOf(number + 1)), null);
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

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    private static Long number(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.asLong();
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String link(JsonNode n) {
        return n == null || !n.isTextual() || n.asText().isBlank() ? null : n.asText();
    }
}
