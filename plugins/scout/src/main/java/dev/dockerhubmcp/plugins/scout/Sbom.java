package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sbom}: the packages Scout found in an image ({@code imagePackagesByDigest}: purl, name, version, type,
 * licenses, and the layer that holds each). The API answers the whole list at once, so paging is client-side.
 */
final class Sbom {
    static final int DEFAULT_PAGE_SIZE = 100;

    static final ScoutQuery QUERY = ScoutQuery.of("ScoutSbom", """
        query ScoutSbom($context: Context!, $digest: String!) {
          imagePackagesByDigest(context: $context, digest: $digest) {
            digest
            sbomState
            imageLayers { layers { diffId ordinal } }
            imagePackages {
              packages {
                package { purl name version type namespace licenses }
                locations { path diffId }
              }
            }
          }
        }
        """);

    /** Every query the action can send. */
    static final List<ScoutQuery> QUERIES = List.of(QUERY);

    static final Action ACTION = Action.builder("sbom")
        .description("Packages of an image from Docker Scout's SBOM (purl, name, version, type, licenses, layer), "
            + "sorted by type and name, filterable by type and name; Scout returns the whole list, so paging is "
            + "client-side. Costs a registry HEAD (plus an index GET for multi-arch) and one Scout query.")
        .input(Params.imageInput()
            .optional("package_type", Schema.string("Only packages of this purl type (deb, apk, rpm, npm, maven, "
                + "pypi, golang, …)").pattern("^[a-z0-9.+-]{1,32}$"))
            .optional("name", Schema.string("Only packages whose name contains this text (case-insensitive)")
                .minLength(1).maxLength(200))
            .optional("page", Params.page())
            .optional("page_size", Params.pageSize(DEFAULT_PAGE_SIZE))
            .optional("verbose", Params.verbose()))
        .effect(Effect.READ)
        .handler(Sbom::handle)
        .build();

    private static Result handle(Arguments args, ActionContext ctx) {
        ImageTarget target = ImageTarget.of(ctx, args);
        ScoutResponse response = Params.send(ctx, QUERY, Params.variables(args, target));
        JsonNode record = response.data().get("imagePackagesByDigest");
        List<Findings.ImagePackage> packages = new ArrayList<>(Findings.packages(record, target));
        List<String> warnings = new ArrayList<>(response.warnings());
        String state = record.path("sbomState").asText("NONE");
        if (!"INDEXED".equals(state)) {
            warnings.add("the image's SBOM state is " + state + ": the package list may be incomplete");
        }
        String type = args.optString("package_type").orElse(null);
        String name = args.optString("name").map(n -> n.toLowerCase(Locale.ROOT)).orElse(null);
        Map<String, Integer> ordinals = new HashMap<>();
        for (JsonNode l : record.path("imageLayers").path("layers")) {
            ordinals.put(l.path("diffId").asText(), l.path("ordinal").asInt());
        }
        packages.removeIf(p -> type != null && !type.equals(p.type()));
        packages.removeIf(p -> name != null && (p.name() == null || !p.name().toLowerCase(Locale.ROOT).contains(name)));
        packages.sort(Comparator.comparing((Findings.ImagePackage p) -> String.valueOf(p.type()))
            .thenComparing(p -> String.valueOf(p.name())).thenComparing(p -> String.valueOf(p.version())));
        boolean verbose = args.bool("verbose", false);
        ObjectNode out = Params.NODES.objectNode();
        out.set("image", target.toJson());
        out.put("sbom_state", state);
        out.put("layers", record.path("imageLayers").path("layers").size());
        Params.page(out, "packages", packages.stream()
            .map(p -> verbose ? p.raw() : row(p, ordinals)).toList(), args, DEFAULT_PAGE_SIZE);
        return Params.ok(out, warnings);
    }

    private static JsonNode row(Findings.ImagePackage p, Map<String, Integer> ordinals) {
        ObjectNode r = Params.NODES.objectNode();
        r.put("purl", p.purl());
        r.put("name", p.name());
        r.put("version", p.version());
        r.put("type", p.type());
        ArrayNode licenses = r.putArray("licenses");
        p.raw().path("package").path("licenses").forEach(l -> licenses.add(l.asText()));
        Integer layer = null;
        for (JsonNode loc : p.raw().path("locations")) {
            Integer o = ordinals.get(loc.path("diffId").asText());
            if (o != null && (layer == null || o < layer)) {
                layer = o;
            }
        }
        if (layer == null) {
            r.putNull("layer");
        } else {
            r.put("layer", layer);
        }
        return r;
    }
}
