package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

/**
 * {@code list_referrers}: GET /v2/{repo}/referrers/{digest}?artifactType= (OCI 1.1). A registry without the API
 * answers 404; then the referrers tag schema is read: the index tagged {@code <alg>-<hex>} (hex cut to 64). The
 * answer says which source was used, and filters by artifact type itself when the registry did not
 * ({@code OCI-Filters-Applied} absent).
 */
final class ListReferrers {
    static final Action ACTION = Action.builder("list_referrers")
        .description("Lists artifacts that refer to a manifest (signatures, SBOMs, attestations) via the OCI referrers "
            + "API, falling back to the 'sha256-<hex>' tag schema on registries without it; 'source' says which. "
            + "Optional artifact_type filter. One or two requests.")
        .input(Schema.object()
            .required("repository", Params.repository())
            .required("digest", Params.digest("Subject manifest digest"))
            .optional("artifact_type", Schema.string("Only referrers of this artifact type, e.g. "
                + "application/vnd.dev.sigstore.bundle.v0.3+json").pattern("^[a-zA-Z0-9.+/_-]+$").maxLength(255)))
        .output(Schema.object()
            .required("source", Schema.string("referrers_api or tag_schema").enumOf("referrers_api", "tag_schema"))
            .required("referrers", Schema.array(Schema.objectProp("{digest, media_type, size, artifact_type, "
                + "annotations}"), "Referrers"))
            .required("count", Schema.integer("Number of referrers")))
        .effect(Effect.READ)
        .handler(ListReferrers::handle)
        .build();

    private ListReferrers() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        String digest = args.string("digest");
        String type = args.optString("artifact_type").orElse(null);
        RegistryResponse r = ctx.registry().send(RegistryRequest.builder("GET", repo).path("referrers/" + digest)
            .query("artifactType", type).header("Accept", Params.OCI_INDEX).accepting(404).build());
        String source = "referrers_api";
        boolean filtered = r.header("oci-filters-applied").map(h -> h.contains("artifactType")).orElse(false);
        if (r.status() == 404) {
            source = "tag_schema";
            String tag = ReferrersTag.tag(digest);
            r = ctx.registry().send(RegistryRequest.builder("GET", repo).path("manifests/" + tag)
                .header("Accept", Params.OCI_INDEX).accepting(404).build());
            filtered = false;
        }
        ArrayNode out = Params.MAPPER.createArrayNode();
        if (r.status() == 200) {
            for (JsonNode d : r.json().path("manifests")) {
                String at = d.path("artifactType").asText(null);
                if (type != null && !filtered && !type.equals(at)) {
                    continue;
                }
                ObjectNode o = Params.descriptor(d);
                o.put("artifact_type", at);
                if (d.has("annotations")) {
                    o.set("annotations", d.get("annotations"));
                }
                out.add(o);
            }
        }
        ObjectNode data = Params.obj();
        data.put("subject", digest);
        data.put("source", source);
        data.set("referrers", out);
        data.put("count", out.size());
        Result result = Result.ok(r.status() == 404 ? 200 : r.status(), data);
        if (source.equals("tag_schema")) {
            result = result.withWarning("the registry has no referrers API (404); used the tag schema "
                + ReferrersTag.tag(digest));
        }
        return result;
    }
}
