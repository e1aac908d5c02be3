package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.scout.ScoutResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code policies}: the organization's Scout policies. Without {@code configuration}: one row per policy and stream
 * ({@code goalResultSummaries}): pass/fail over the stream's images and the number of violations. With
 * {@code policy}, {@code configuration} and {@code stream}: that policy's result per image ({@code goalResults}, paged
 * by Scout), each with its violations.
 */
final class Policies {
    static final int DEFAULT_PAGE_SIZE = 20;

    static final ScoutQuery SUMMARIES = ScoutQuery.of("ScoutPolicySummaries", """
        query ScoutPolicySummaries($context: Context!, $query: PolicySummaryQuery!) {
          goalResultSummaries(context: $context, query: $query) {
            items {
              policy { definitionName configurationName displayName resultType owner enabled remediationLink }
              stream
              totalImages
              compliantImages
              unknownImages
              totalDeviations
            }
          }
        }
        """);

    static final ScoutQuery IMAGES = ScoutQuery.of("ScoutPolicyImages", """
        query ScoutPolicyImages($context: Context!, $query: GoalResultsPolicyQuery!) {
          goalResults(context: $context, query: $query) {
            paging { totalCount }
            items {
              latestImage {
                digest
                repository { hostName repoName }
                tags { name current }
                platform { os architecture variant }
              }
              policy { ...ScoutPolicyResult }
            }
          }
        }
        """).with(PolicyResults.FRAGMENT);

    /** Every query the action can send. */
    static final List<ScoutQuery> QUERIES = List.of(SUMMARIES, IMAGES);

    static final Action ACTION = Action.builder("policies")
        .description("The organization's Docker Scout policies: per policy and stream, pass/fail and how many images "
            + "comply and how many violations there are. Give policy, configuration and stream (from that list) to "
            + "get the policy's result per image with its violations, paged by Scout. One Scout query.")
        .input(Schema.object()
            .required("organization", Params.organization(true))
            .optional("stream", Schema.string("Scout stream (environment) to report on, e.g. latest-indexed")
                .minLength(1).maxLength(200))
            .optional("policy", Schema.string("Policy definition name (as listed), to filter or drill down")
                .minLength(1).maxLength(200))
            .optional("configuration", Schema.string("Policy configuration name; with policy and stream, lists "
                + "the policy's result per image").minLength(1).maxLength(200))
            .optional("state", Schema.string("Per-image listing only: images in this state")
                .enumOf("compliant", "noncompliant", "unknown"))
            .optional("violations_limit", Schema.integer("Per-image listing: most violations per image (default "
                + PolicyEvaluation.DEFAULT_VIOLATIONS + ")").min(0).max(1000)
                .defaultValue(PolicyEvaluation.DEFAULT_VIOLATIONS))
            .optional("page", Params.page())
            .optional("page_size", Params.pageSize(DEFAULT_PAGE_SIZE))
            .optional("verbose", Params.verbose()))
        .effect(Effect.READ)
        .handler(Policies::handle)
        .build();

    private static Result handle(Arguments args, ActionContext ctx) {
        if (args.has("configuration")) {
            if (!args.has("policy")) {
                throw ActionException.validation("'policy' is required with 'configuration'");
            }
            if (!args.has("stream")) {
                throw ActionException.validation("'stream' is required with 'configuration' (each policy row of "
                    + "this action without 'configuration' names its stream)");
            }
            return images(args, ctx);
        }
        if (args.has("state") || args.has("violations_limit")) {
            throw ActionException.validation("'" + (args.has("state") ? "state" : "violations_limit") + "' only "
                + "applies to the per-image listing: give 'policy', 'configuration' and 'stream' too");
        }
        return summaries(args, ctx);
    }

    private static Result summaries(Arguments args, ActionContext ctx) {
        ObjectNode vars = Params.variables(args);
        ObjectNode query = vars.putObject("query");
        args.optString("stream").ifPresent(s -> query.put("stream", s));
        args.optString("policy").ifPresent(p -> query.put("definitionName", p));
        ScoutResponse response = Params.send(ctx, SUMMARIES, vars);
        JsonNode items = response.data().path("goalResultSummaries").path("items");
        boolean verbose = args.bool("verbose", false);
        List<JsonNode> rows = new ArrayList<>();
        int failing = 0;
        for (JsonNode item : items) {
            ObjectNode row = summaryRow(item);
            if ("fail".equals(row.path("status").asText())) {
                failing++;
            }
            rows.add(verbose ? item : row);
        }
        ObjectNode out = Params.NODES.objectNode();
        out.put("organization", args.string("organization"));
        out.put("failing", failing);
        Params.page(out, "policies", rows, args, DEFAULT_PAGE_SIZE);
        return Params.ok(out, response.warnings());
    }

    static ObjectNode summaryRow(JsonNode item) {
        JsonNode p = item.path("policy");
        int total = item.path("totalImages").asInt();
        int compliant = item.path("compliantImages").asInt();
        int unknown = item.path("unknownImages").asInt();
        int noncompliant = Math.max(0, total - compliant - unknown);
        ObjectNode r = Params.NODES.objectNode();
        r.put("policy", Params.text(p, "definitionName"));
        r.put("configuration", Params.text(p, "configurationName"));
        r.put("display_name", Params.text(p, "displayName"));
        r.put("type", Params.text(p, "resultType"));
        r.put("owner", Params.text(p, "owner"));
        r.put("enabled", p.path("enabled").asBoolean(false));
        r.put("stream", Params.text(item, "stream"));
        r.put("status", noncompliant > 0 ? "fail" : total == 0 || unknown == total ? "unknown" : "pass");
        r.put("images", total);
        r.put("compliant", compliant);
        r.put("noncompliant", noncompliant);
        r.put("unknown", unknown);
        r.put("violations", item.path("totalDeviations").asInt());
        r.put("remediation", Params.text(p, "remediationLink"));
        return r;
    }

    private static Result images(Arguments args, ActionContext ctx) {
        int page = args.integer("page", 1);
        int size = args.integer("page_size", DEFAULT_PAGE_SIZE);
        ObjectNode vars = Params.variables(args);
        ObjectNode query = vars.putObject("query");
        query.put("definitionName", args.string("policy"));
        query.put("configurationName", args.string("configuration"));
        query.put("stream", args.string("stream"));
        ObjectNode paging = query.putObject("paging");
        paging.put("page", page);
        paging.put("pageSize", size);
        args.optString("state").ifPresent(s -> query.putObject("filter").put("policyState", s));
        ScoutResponse response = Params.send(ctx, IMAGES, vars);
        JsonNode results = response.data().path("goalResults");
        boolean verbose = args.bool("verbose", false);
        int limit = args.integer("violations_limit", PolicyEvaluation.DEFAULT_VIOLATIONS);
        ObjectNode out = Params.NODES.objectNode();
        out.put("organization", args.string("organization"));
        out.put("policy", args.string("policy"));
        out.put("configuration", args.string("configuration"));
        out.put("stream", args.string("stream"));
        JsonNode total = results.path("paging").get("totalCount");
        if (total == null || total.isNull()) {
            out.putNull("total");
        } else {
            out.put("total", total.asInt());
        }
        out.put("page", page);
        out.put("page_size", size);
        ArrayNode images = out.putArray("images");
        for (JsonNode item : results.path("items")) {
            if (verbose) {
                images.add(item);
                continue;
            }
            JsonNode img = item.path("latestImage");
            ObjectNode row = PolicyResults.compact(item.path("policy"), limit);
            row.remove(List.of("policy", "configuration", "display_name"));
            ObjectNode entry = images.addObject();
            entry.put("repository", Params.text(img.path("repository"), "repoName"));
            ArrayNode tags = entry.putArray("tags");
            img.path("tags").forEach(t -> {
                if (t.path("current").asBoolean(false)) {
                    tags.add(t.path("name").asText());
                }
            });
            entry.put("digest", Params.text(img, "digest"));
            Platform platform = Platform.fromIndexEntry(img.get("platform"));
            entry.put("platform", platform == null ? null : platform.toString());
            entry.setAll(row);
        }
        if (total != null && total.canConvertToInt() && (long) page * size < total.asInt()) {
            out.put("next_page", page + 1);
        }
        return Params.ok(out, response.warnings());
    }
}
