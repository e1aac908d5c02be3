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

import java.util.function.Predicate;

/** {@code list_tags}: GET /v2/namespaces/{namespace}/repositories/{repository}/tags. */
final class ListTags {
    static final Action ACTION = Action.builder("list_tags")
        .description("List a repository's tags, newest first, with digest, size, last push, status and platforms "
            + "(os/arch[/variant]); one page, or every page with all_pages. architecture and os filter client-side "
            + "over each page's images (the Hub has no such filter), so a filtered page may hold fewer than "
            + "page_size tags. Does not count as a pull.")
        .input(Schema.object()
            .optional("namespace", Params.namespaceOrLibrary())
            .required("repository", Params.repository())
            .optional("page", Params.page())
            .optional("page_size", Params.pageSize(10))
            .optional("architecture", Schema.string("Keep tags with an image for this CPU architecture: amd64, "
                + "arm64, arm, 386, ppc64le, s390x, riscv64... ('arm/v7' also matches the variant)")
                .pattern("^[a-z0-9_]{1,32}(/v[0-9]{1,2})?$"))
            .optional("os", Schema.string("Keep tags with an image for this operating system: linux, windows...")
                .pattern("^[a-z0-9_]{1,32}$"))
            .optional("all_pages", Params.allPages())
            .optional("max_items", Params.maxItems())
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("count", Schema.integer("Tags in the repository (before client-side filtering)"))
            .required("page", Schema.integer("The first page returned"))
            .required("page_size", Schema.integer("Page size used"))
            .optional("next_page", Schema.integer("The page to ask for next; absent at the end"))
            .optional("truncated", Schema.bool("max_items stopped the walk before the last page"))
            .optional("filtered", Schema.objectProp("{architecture, os, scanned, matched} when a filter was given"))
            .required("results", Schema.array(Schema.objectProp("name, digest, size, last_pushed, last_pulled, "
                + "status, platforms (compact) or the raw record (verbose)"), "Tags")))
        .effect(Effect.READ)
        .handler(ListTags::handle)
        .build();

    private ListTags() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        boolean all = args.bool("all_pages", false);
        int page = args.integer("page", 1);
        int pageSize = args.integer("page_size", all ? 100 : 10);
        int maxItems = args.integer("max_items", 500);
        String architecture = args.optString("architecture").orElse(null);
        String os = args.optString("os").orElse(null);
        HubRequest request = HubRequest.get("/v2/namespaces/{}/repositories/{}/tags", Params.namespaceOf(args),
                args.string("repository"))
            .query("page_size", pageSize)
            .auth(HubAuth.OPTIONAL)
            .build();
        PagedList.Walked got = Params.walk(ctx, request, page, all, maxItems, matches(architecture, os));
        boolean verbose = args.bool("verbose", false);
        ObjectNode data = Compact.NODES.objectNode();
        data.put("count", got.total() == null ? got.scanned() : got.total());
        data.put("page", page);
        data.put("page_size", pageSize);
        Long nextPage = got.resumeAt("page");
        if (nextPage != null) {
            data.put("next_page", nextPage);
        }
        if (all && !got.complete()) {
            data.put("truncated", true);
        }
        if (architecture != null || os != null) {
            ObjectNode f = data.putObject("filtered");
            if (architecture != null) {
                f.put("architecture", architecture);
            }
            if (os != null) {
                f.put("os", os);
            }
            f.put("scanned", got.scanned());
            f.put("matched", got.items().size());
        }
        ArrayNode results = data.putArray("results");
        for (JsonNode t : got.items()) {
            results.add(verbose ? t : Compact.tag(t));
        }
        Result result = Result.ok(data);
        if (all && !got.complete()) {
            result = result.withWarning(PagedList.warning(got, "tags", "page_size", Params.MAX_ITEMS_CAP));
        }
        return result;
    }

    /** A tag matches when one of its images has the architecture (and variant, if given) and the os asked for. */
    static Predicate<JsonNode> matches(String architecture, String os) {
        if (architecture == null && os == null) {
            return t -> true;
        }
        return t -> {
            for (JsonNode image : Compact.images(t)) {
                String arch = Compact.text(image, "architecture");
                String variant = Compact.text(image, "variant");
                boolean archOk = architecture == null || architecture.equals(arch)
                    || (variant != null && architecture.equals(arch + "/" + variant));
                boolean osOk = os == null || os.equals(Compact.text(image, "os"));
                if (archOk && osOk) {
                    return true;
                }
            }
            return false;
        };
    }
}
