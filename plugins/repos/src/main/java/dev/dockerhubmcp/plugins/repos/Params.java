package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.PagedList;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;

import java.util.function.Predicate;

/** The argument schemas the repository actions share, so every action names and checks them the same way. */
final class Params {
    static final String LIBRARY = "library";
    /** Pages followed at most when {@code all_pages} is set (10,000 items at 100 a page). */
    static final int MAX_PAGES = 100;
    /** The largest max_items. */
    static final int MAX_ITEMS_CAP = 10_000;

    private Params() {
    }

    static Schema.Prop namespace() {
        return Schema.string("Docker Hub namespace (user or organization); 'library' for official images")
            .minLength(2).maxLength(255).pattern(Patterns.NAMESPACE);
    }

    /** Namespace of an existing repository: optional, 'library' when omitted (official images such as nginx). */
    static Schema.Prop namespaceOrLibrary() {
        return Schema.string("Docker Hub namespace (user or organization); default 'library' (official images)")
            .minLength(2).maxLength(255).pattern(Patterns.NAMESPACE);
    }

    static Schema.Prop repository() {
        return Schema.string("Repository name without namespace or tag, e.g. 'nginx'")
            .minLength(1).maxLength(255).pattern(Patterns.REPOSITORY);
    }

    static Schema.Prop tag() {
        return Schema.string("Tag name, e.g. 'latest' or '1.27-alpine'").maxLength(128).pattern(Patterns.TAG);
    }

    static Schema.Prop page() {
        return Schema.integer("Page number, from 1 (default 1)").min(1).max(100_000);
    }

    static Schema.Prop pageSize(int fallback) {
        return Schema.integer("Items per page, 1-100 (default " + fallback + "; 100 with all_pages)").min(1).max(100);
    }

    static Schema.Prop allPages() {
        return Schema.bool("Follow 'next' and gather every page, up to max_items (costs one request per page)");
    }

    static Schema.Prop maxItems() {
        return Schema.integer("With all_pages: stop after this many items (default 500, at most 10000)").min(1)
            .max(MAX_ITEMS_CAP);
    }

    static Schema.Prop verbose() {
        return Schema.bool("Return the raw Docker Hub records instead of the compact ones (much larger)");
    }

    /**
     * Reads page {@code page} of a list, or with {@code allPages} every page from it until {@code maxItems} items
     * are kept or {@value #MAX_PAGES} pages were read. Pages are counted by number on {@code first} (page_size
     * already set): a {@code next} link only says that more exist, so an answer can never send us to another host.
     */
    static PagedList.Walked walk(ActionContext ctx, HubRequest first, int page, boolean allPages, int maxItems,
                                Predicate<JsonNode> keep) {
        PagedList.Walk walk = PagedList.walk(first.withQuery("page", String.valueOf(page))).byPageNumber().keep(keep)
            .repeatCheck(false).context(ctx);
        return (allPages ? walk.maxItems(maxItems).maxPages(MAX_PAGES) : walk.maxPages(1)).run(ctx.hub());
    }

    static String namespaceOf(Arguments args) {
        return args.string("namespace", LIBRARY);
    }
}
