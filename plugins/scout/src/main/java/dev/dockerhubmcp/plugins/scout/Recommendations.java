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
import java.util.List;

/**
 * {@code recommendations}: better tags for the image itself and for its base image.
 * <ol>
 *   <li>{@code baseImagesByDigest} (platform image digest): which base image the image is built on;</li>
 *   <li>tag recommendations for the image: {@code tagRecommendationsByRepositoryAndTag} when a tag was given, else
 *       {@code tagRecommendationsByDigest} with the digest the reference points at (tags point at the index);</li>
 *   <li>tag recommendations for the base image, the same way (its current tag, else its digest).</li>
 * </ol>
 * Repository names go to Scout in Docker Hub's familiar form ({@code nginx}, {@code myorg/app}).
 */
final class Recommendations {
    static final int DEFAULT_LIMIT = 5;

    private static final String RECOMMENDED_TAGS = """
        fragment ScoutRecommendedTags on TrRecommendedTags {
          repository { name }
          recommendations {
            currentTag { ...ScoutRecommendedTag }
            recommendedTags { ...ScoutRecommendedTag }
          }
        }
        """;

    private static final String RECOMMENDED_TAG = """
        fragment ScoutRecommendedTag on TrDockerTag {
          digest
          createdAt
          tags
          imageSize
          packageCount
          vulnerabilityReport { critical high medium low unspecified total }
          tag { name os framework runtime flavor slim }
          scoring { total summary }
        }
        """;

    static final ScoutQuery BASE_IMAGES = ScoutQuery.of("ScoutBaseImages", """
        query ScoutBaseImages($context: Context!, $digest: String!) {
          baseImagesByDigest(context: $context, digest: $digest) {
            layerMatches { layerOrdinal }
            images {
              digest
              repository { hostName repoName }
              tags { name current supported digest }
              vulnerabilityReport { critical high medium low unspecified total }
            }
          }
        }
        """);

    static final ScoutQuery BY_TAG = ScoutQuery.of("ScoutTagRecommendations", """
        query ScoutTagRecommendations($context: Context!, $repository: String!, $tag: String!) {
          tagRecommendationsByRepositoryAndTag(context: $context, repository: $repository, tag: $tag) {
            ...ScoutRecommendedTags
          }
        }
        """).with(RECOMMENDED_TAGS, RECOMMENDED_TAG);

    static final ScoutQuery BY_DIGEST = ScoutQuery.of("ScoutDigestRecommendations", """
        query ScoutDigestRecommendations($context: Context!, $repository: String, $digest: String!) {
          tagRecommendationsByDigest(context: $context, repository: $repository, digest: $digest) {
            ...ScoutRecommendedTags
          }
        }
        """).with(RECOMMENDED_TAGS, RECOMMENDED_TAG);

    /** Every query the action can send. */
    static final List<ScoutQuery> QUERIES = List.of(BASE_IMAGES, BY_TAG, BY_DIGEST);

    static final Action ACTION = Action.builder("recommendations")
        .description("Docker Scout's recommended tags for an image and for its base image (fewer vulnerabilities, "
            + "smaller, newer), with their vulnerability counts. Costs a registry HEAD (plus an index GET for "
            + "multi-arch) and up to three Scout queries.")
        .input(Params.imageInput()
            .optional("limit", Schema.integer("Most recommended tags listed per current tag (default "
                + DEFAULT_LIMIT + ")").min(1).max(50).defaultValue(DEFAULT_LIMIT))
            .optional("verbose", Params.verbose()))
        .effect(Effect.READ)
        .handler(Recommendations::handle)
        .build();

    private static Result handle(Arguments args, ActionContext ctx) {
        ImageTarget target = ImageTarget.of(ctx, args);
        boolean verbose = args.bool("verbose", false);
        int limit = args.integer("limit", DEFAULT_LIMIT);
        List<String> warnings = new ArrayList<>();

        ScoutResponse baseResponse = Params.send(ctx, BASE_IMAGES, Params.variables(args, target));
        warnings.addAll(baseResponse.warnings());
        JsonNode base = null;
        for (JsonNode match : baseResponse.data().path("baseImagesByDigest")) {
            if (match.path("images").size() > 0) {
                base = match.path("images").get(0);
                break;
            }
        }

        JsonNode own = recommend(ctx, args, target.scoutRepository(), target.tag(), target.referenceDigest(),
            warnings);
        JsonNode baseRecs = null;
        String baseTag = null;
        if (base != null) {
            baseTag = currentTag(base);
            String baseRepo = Params.text(base.path("repository"), "repoName");
            if (baseRepo != null) {
                baseRecs = recommend(ctx, args, baseRepo, baseTag, Params.text(base, "digest"), warnings);
            }
        }

        ObjectNode out = Params.NODES.objectNode();
        out.set("image", target.toJson());
        if (verbose) {
            out.set("base_images", baseResponse.data().path("baseImagesByDigest"));
            out.set("image_recommendations", own);
            out.set("base_image_recommendations", baseRecs);
            return Params.ok(out, warnings);
        }
        if (base == null) {
            out.putNull("base_image");
        } else {
            ObjectNode b = out.putObject("base_image");
            b.put("repository", Params.text(base.path("repository"), "repoName"));
            b.put("tag", baseTag);
            b.put("digest", Params.text(base, "digest"));
            b.set("vulnerabilities", Params.counts(base.get("vulnerabilityReport")));
        }
        out.set("image_recommendations", compact(own, limit));
        out.set("base_image_recommendations", compact(baseRecs, limit));
        if (own == null && baseRecs == null) {
            warnings.add("Scout has no tag recommendations for this image or its base image");
        }
        return Params.ok(out, warnings);
    }

    /** Tag recommendations by repository and tag, or by digest when there is no tag. */
    private static JsonNode recommend(ActionContext ctx, Arguments args, String repository, String tag, String digest,
                                      List<String> warnings) {
        ObjectNode vars = Params.variables(args);
        vars.put("repository", repository);
        ScoutResponse r;
        if (tag != null) {
            vars.put("tag", tag);
            r = Params.send(ctx, BY_TAG, vars);
        } else if (digest != null) {
            vars.put("digest", digest);
            r = Params.send(ctx, BY_DIGEST, vars);
        } else {
            return null;
        }
        warnings.addAll(r.warnings());
        JsonNode recs = r.data().get(tag != null ? "tagRecommendationsByRepositoryAndTag"
            : "tagRecommendationsByDigest");
        return recs == null || recs.isNull() ? null : recs;
    }

    private static String currentTag(JsonNode image) {
        String any = null;
        for (JsonNode t : image.path("tags")) {
            if (t.path("current").asBoolean(false)) {
                return t.path("name").asText();
            }
            if (any == null) {
                any = t.path("name").asText(null);
            }
        }
        return any;
    }

    private static ObjectNode compact(JsonNode recs, int limit) {
        if (recs == null) {
            return null;
        }
        ObjectNode out = Params.NODES.objectNode();
        out.put("repository", Params.text(recs.path("repository"), "name"));
        ArrayNode list = out.putArray("recommendations");
        for (JsonNode r : recs.path("recommendations")) {
            ObjectNode entry = list.addObject();
            entry.set("current", tag(r.path("currentTag")));
            ArrayNode better = entry.putArray("recommended");
            int n = 0;
            for (JsonNode t : r.path("recommendedTags")) {
                if (n++ >= limit) {
                    break;
                }
                better.add(tag(t));
            }
        }
        return out;
    }

    private static ObjectNode tag(JsonNode t) {
        ObjectNode n = Params.NODES.objectNode();
        n.put("tag", Params.text(t.path("tag"), "name"));
        ArrayNode tags = n.putArray("tags");
        t.path("tags").forEach(x -> tags.add(x.asText()));
        n.put("digest", Params.text(t, "digest"));
        n.put("created_at", Params.text(t, "createdAt"));
        if (t.hasNonNull("imageSize")) {
            n.put("size", t.get("imageSize").asLong());
        }
        if (t.hasNonNull("packageCount")) {
            n.put("packages", t.get("packageCount").asInt());
        }
        n.set("vulnerabilities", Params.counts(t.get("vulnerabilityReport")));
        JsonNode scoring = t.path("scoring");
        if (scoring.isObject()) {
            n.put("score", scoring.path("total").asInt());
            n.put("summary", Params.text(scoring, "summary"));
        }
        return n;
    }
}
