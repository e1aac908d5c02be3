package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.scout.ScoutResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code hardened_images}: the Docker Hardened Images (DHI) mirrored into an organization
 * ({@code dhiListMirroredRepositories}). Scout answers the whole list, so paging is client-side.
 */
final class HardenedImages {
    static final int DEFAULT_PAGE_SIZE = 50;

    static final ScoutQuery QUERY = ScoutQuery.of("ScoutHardenedImages", """
        query ScoutHardenedImages($context: Context!) {
          dhiListMirroredRepositories(context: $context) {
            totalCount
            canMirrorMoreRepositories
            mirroredRepositories {
              id
              destinationRepository { hostname namespace name }
              dhiSourceRepository { hostname namespace name displayName }
            }
          }
        }
        """);

    /** Every query the action can send. */
    static final List<ScoutQuery> QUERIES = List.of(QUERY);

    static final Action ACTION = Action.builder("hardened_images")
        .description("Docker Hardened Images (minimal, near-zero-CVE images) mirrored into an organization: each "
            + "mirror repository and the DHI repository it comes from. One Scout query; pages client-side.")
        .input(Schema.object()
            .required("organization", Params.organization(true))
            .optional("page", Params.page())
            .optional("page_size", Params.pageSize(DEFAULT_PAGE_SIZE))
            .optional("verbose", Params.verbose()))
        .effect(Effect.READ)
        .handler(HardenedImages::handle)
        .build();

    private static Result handle(Arguments args, ActionContext ctx) {
        ScoutResponse response = Params.send(ctx, QUERY, Params.variables(args));
        JsonNode list = response.data().path("dhiListMirroredRepositories");
        boolean verbose = args.bool("verbose", false);
        List<JsonNode> entries = new ArrayList<>();
        list.path("mirroredRepositories").forEach(entries::add);
        entries.sort(Comparator.comparing(e -> repo(e.path("destinationRepository"))));
        ObjectNode out = Params.NODES.objectNode();
        out.put("organization", args.string("organization"));
        out.put("mirrored", list.path("totalCount").asInt(entries.size()));
        out.put("can_mirror_more", list.path("canMirrorMoreRepositories").asBoolean(false));
        Params.page(out, "repositories", entries.stream().map(e -> verbose ? e : row(e)).toList(), args,
            DEFAULT_PAGE_SIZE);
        return Params.ok(out, response.warnings());
    }

    private static JsonNode row(JsonNode e) {
        ObjectNode r = Params.NODES.objectNode();
        r.put("repository", repo(e.path("destinationRepository")));
        r.put("source", repo(e.path("dhiSourceRepository")));
        r.put("display_name", Params.text(e.path("dhiSourceRepository"), "displayName"));
        return r;
    }

    private static String repo(JsonNode r) {
        String ns = r.path("namespace").asText("");
        String name = r.path("name").asText("");
        return ns.isEmpty() ? name : ns + "/" + name;
    }
}
