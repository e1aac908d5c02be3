package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.scout.ScoutResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary}: vulnerability counts by severity, SBOM state and base image of one image. One GraphQL request with
 * two fields: {@code imageSummariesByDigest} (counts, SBOM state) and {@code imageDetailsByDigest} (base image, package
 * count), both for the platform image digest.
 */
final class Summary {
    static final ScoutQuery QUERY = ScoutQuery.of("ScoutSummary", """
        query ScoutSummary($context: Context!, $digests: [String!]!, $digest: String!, $platform: ImagePlatform!) {
          imageSummariesByDigest(context: $context, digests: $digests) {
            digest
            sbomState
            vulnerabilityReport { critical high medium low unspecified total }
          }
          imageDetailsByDigest(context: $context, digest: $digest, platform: $platform) {
            digest
            packageCount
            platform { os architecture variant }
            baseImage { digest repository { hostName repoName } tags { name current } }
            baseImageTag { name }
          }
        }
        """);

    /** Every query the action can send. */
    static final List<ScoutQuery> QUERIES = List.of(QUERY);

    static final Action ACTION = Action.builder("summary")
        .description("Vulnerability counts by severity, SBOM state and base image of an image, from Docker Scout. "
            + "Costs a registry HEAD (plus one index GET for multi-arch images) and one Scout query.")
        .input(Params.imageInput()
            .optional("verbose", Params.verbose()))
        .effect(Effect.READ)
        .handler(Summary::handle)
        .build();

    private static Result handle(Arguments args, ActionContext ctx) {
        ImageTarget target = ImageTarget.of(ctx, args);
        ObjectNode vars = Params.variables(args, target);
        vars.putArray("digests").add(target.imageDigest());
        vars.set("platform", (target.platform() == null ? ImageTarget.platform(args) : target.platform()).toVariable());
        ScoutResponse response = Params.send(ctx, QUERY, vars);
        JsonNode summaries = response.data().path("imageSummariesByDigest");
        JsonNode summary = null;
        for (JsonNode s : summaries) {
            if (target.imageDigest().equals(s.path("digest").asText()) || summary == null) {
                summary = s;
            }
        }
        if (summary == null) {
            throw new ActionException(ErrorType.NOT_FOUND, "Scout has no summary for " + target.image() + " ("
                + target.imageDigest() + "): the image may not be analyzed yet, Scout may not be enabled for the "
                + "repository, or its data belongs to another 'organization'");
        }
        JsonNode details = response.data().path("imageDetailsByDigest");
        List<String> warnings = new ArrayList<>(response.warnings());
        ObjectNode out = Params.NODES.objectNode();
        out.set("image", target.toJson());
        if (args.bool("verbose", false)) {
            out.set("raw", response.data());
            return Params.ok(out, warnings);
        }
        String state = summary.path("sbomState").asText("NONE");
        out.put("sbom_state", state);
        ObjectNode counts = Params.counts(summary.get("vulnerabilityReport"));
        out.set("vulnerabilities", counts);
        if (counts == null) {
            warnings.add("Scout has not scanned this image yet (SBOM state " + state + ")");
        }
        if (details.isObject()) {
            if (details.hasNonNull("packageCount")) {
                out.put("package_count", details.get("packageCount").asInt());
            }
            out.set("base_image", baseImage(details));
        } else {
            out.putNull("base_image");
        }
        return Params.ok(out, warnings);
    }

    private static ObjectNode baseImage(JsonNode details) {
        JsonNode base = details.get("baseImage");
        if (base == null || base.isNull()) {
            return null;
        }
        ObjectNode b = Params.NODES.objectNode();
        JsonNode repo = base.path("repository");
        b.put("repository", Params.text(repo, "repoName"));
        b.put("host", Params.text(repo, "hostName"));
        String tag = Params.text(details.get("baseImageTag"), "name");
        if (tag == null) {
            for (JsonNode t : base.path("tags")) {
                if (t.path("current").asBoolean(false)) {
                    tag = t.path("name").asText();
                    break;
                }
            }
        }
        b.put("tag", tag);
        b.put("digest", Params.text(base, "digest"));
        return b;
    }
}
