package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.LinkHeader;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code list_tags}: GET /v2/{repo}/tags/list?n=&last=. One page by default; {@code all_pages} follows the
 * {@code Link: <…>; rel="next"} headers (only their {@code n}/{@code last} are reused) until {@code max_items}.
 * {@code tags: null} from the registry means no tags. Registries that ignore {@code n} (distribution 2.8) answer
 * everything at once.
 */
final class ListTags {
    static final Action ACTION = Action.builder("list_tags")
        .description("Lists the tags of a repository from the registry (GET /v2/<repo>/tags/list). One page by default "
            + "('n' per page, 'last' to continue after a tag); 'all_pages' follows the registry's Link headers up to "
            + "'max_items'. Costs one request per page, no pull.")
        .input(Schema.object()
            .required("repository", Params.repository())
            .optional("n", Schema.integer("Page size asked of the registry").min(1).max(10000))
            .optional("last", Schema.string("Continue after this tag (from a previous answer's 'next_last')")
                .pattern(Patterns.TAG))
            .optional("all_pages", Schema.bool("Follow Link headers across pages (default false)"))
            .optional("max_items", Schema.integer("Stop after this many tags when following pages (default 1000)")
                .min(1).max(100000)))
        .output(Schema.object()
            .required("name", Schema.string("Repository"))
            .required("tags", Schema.array(Schema.string(null), "Tags in registry order"))
            .required("count", Schema.integer("Number of tags returned"))
            .optional("next_last", Schema.string("Pass as 'last' to get the next page; absent at the end"))
            .optional("pages", Schema.integer("Pages fetched")))
        .effect(Effect.READ)
        .handler(ListTags::handle)
        .build();

    private ListTags() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        boolean all = args.bool("all_pages", false);
        int max = args.integer("max_items", 1000);
        Long n = args.optLong("n").orElse(null);
        String last = args.optString("last").orElse(null);
        ArrayNode tags = Params.MAPPER.createArrayNode();
        String nextLast = null;
        int pages = 0;
        boolean truncated = false;
        RegistryResponse r;
        while (true) {
            RegistryRequest.Builder b = RegistryRequest.builder("GET", repo).path("tags/list");
            if (n != null) {
                b.query("n", n);
            }
            if (last != null) {
                b.query("last", last);
            }
            r = ctx.registry().send(b.build());
            pages++;
            JsonNode page = r.json().path("tags");
            for (JsonNode t : page) {
                if (tags.size() >= max) {
                    truncated = true;
                    break;
                }
                tags.add(t.asText());
            }
            Optional<String> next = r.header("link").flatMap(LinkHeader::next);
            nextLast = next.map(ListTags::lastOf).orElse(null);
            if (nextLast == null && next.isPresent() && !tags.isEmpty()) {
                nextLast = tags.get(tags.size() - 1).asText();
            }
            if (!all || next.isEmpty() || truncated || nextLast == null || nextLast.equals(last)) {
                break;
            }
            if (ctx.cancelled()) {
                break;
            }
            for (Map.Entry<String, String> q : LinkHeader.query(next.get())) {
                if (q.getKey().equals("n")) {
                    try {
                        n = Long.parseLong(q.getValue());
                    } catch (NumberFormatException ignored) {
                        // keep ours
                    }
                }
            }
            last = nextLast;
        }
        if (truncated) {
            nextLast = tags.get(tags.size() - 1).asText();
        }
        ObjectNode data = Params.obj();
        data.put("name", r.json().path("name").asText(repo));
        data.set("tags", tags);
        data.put("count", tags.size());
        if (nextLast != null) {
            data.put("next_last", nextLast);
        }
        data.put("pages", pages);
        Result result = Result.ok(r.status(), data).withHeaders(Params.headers(r));
        if (truncated) {
            result = result.withWarning("stopped at max_items=" + max + "; continue with last='" + nextLast + "'");
        }
        return result;
    }

    private static String lastOf(String link) {
        List<Map.Entry<String, String>> q = LinkHeader.query(link);
        return q.stream().filter(e -> e.getKey().equals("last")).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
