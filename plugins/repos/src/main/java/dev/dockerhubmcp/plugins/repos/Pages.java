package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * Reads one page of a Hub list ({@code {count, next, previous, results}}), or follows {@code next} page by page. Only
 * the page number is taken from {@code next}: the request is re-sent to the configured Hub with {@code page}
 * replaced, so an answer can never redirect us to another host.
 */
final class Pages {
    private Pages() {
    }

    /**
     * What was gathered.
     *
     * @param items     the kept items, in order
     * @param count     the total the Hub reported ({@code count}), or null
     * @param nextPage  the page to ask for to continue, or null at the end
     * @param pagesRead how many pages were requested
     * @param scanned   items seen before filtering
     * @param truncated true when max_items (or the page cap) stopped the walk before the end
     */
    record Collected(List<JsonNode> items, Long count, Integer nextPage, int pagesRead, int scanned,
                     boolean truncated) {
        Collected {
            items = List.copyOf(items);
        }
    }

    /**
     * @param first    the request for the first page (page_size already set)
     * @param page     the first page number
     * @param pageSize the page size sent (for progress)
     * @param allPages follow next
     * @param maxItems with allPages: stop after this many kept items
     * @param keep     which items to keep (client-side filter)
     */
    static Collected collect(ActionContext ctx, HubRequest first, int page, int pageSize, boolean allPages,
                             int maxItems, Predicate<JsonNode> keep) {
        requireNonNull(first, "first is null");
        List<JsonNode> items = new ArrayList<>();
        int current = page;
        int pagesRead = 0;
        int scanned = 0;
        Long count = null;
        Integer next;
        boolean truncated = false;
        while (true) {
            HubResponse response = ctx.hub().send(first.withQuery("page", String.valueOf(current)));
            pagesRead++;
            JsonNode body = response.json();
            if (body.hasNonNull("count")) {
                count = body.get("count").asLong();
            }
            boolean cut = false;
            for (JsonNode item : body.path("results")) {
                scanned++;
                if (!keep.test(item)) {
                    continue;
                }
                if (allPages && items.size() >= maxItems) {
                    cut = true;
                    break;
                }
                items.add(item);
            }
            next = nextPage(body.path("next").asText(null));
            if (cut) {
                truncated = true;
                next = current;
                break;
            }
            if (!allPages || next == null || next <= current) {
                break;
            }
            if (items.size() >= maxItems || pagesRead >= Params.MAX_PAGES || ctx.cancelled()) {
                truncated = true;
                break;
            }
            ctx.progress(pagesRead, count == null ? null : (count + pageSize - 1) / pageSize, "read page " + current);
            current = next;
        }
        return new Collected(items, count, next, pagesRead, scanned, truncated);
    }

    /** The {@code page} number in a {@code next} link, or null when there is none. */
    static Integer nextPage(String next) {
        if (next == null || next.isBlank() || next.equals("null")) {
            return null;
        }
        String query;
        try {
            query = URI.create(next).getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals("page")) {
                try {
                    return Integer.parseInt(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
