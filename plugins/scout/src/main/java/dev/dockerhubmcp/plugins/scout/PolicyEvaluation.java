package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

import java.util.List;

/**
 * {@code policy_evaluation}: how one image fares against the organization's Scout policies
 * ({@code goalResultsByDigest} for the platform image digest): per policy pass/fail/unknown and the violations.
 */
final class PolicyEvaluation {
    static final int DEFAULT_VIOLATIONS = 10;

    static final ScoutQuery QUERY = ScoutQuery.of("ScoutPolicyEvaluation", """
        query ScoutPolicyEvaluation($context: Context!, $query: GoalResultsQuery!) {
          goalResultsByDigest(context: $context, query: $query) {
            digest
            repository { hostName repoName }
            tags { name current }
            platform { os architecture variant }
            policies { ...ScoutPolicyResult }
          }
        }
        """).with(PolicyResults.FRAGMENT);

    /** Every query the action can send. */
    static final List<ScoutQuery> QUERIES = List.of(QUERY);

    static final Action ACTION = Action.builder("policy_evaluation")
        .description("Evaluates an image against the organization's Docker Scout policies: per policy pass, fail or "
            + "unknown, with its violations (CVEs, licenses, other deviations). Costs a registry HEAD (plus an index "
            + "GET for multi-arch) and one Scout query.")
        .input(Schema.object()
            .required("image", Params.image())
            .required("organization", Params.organization(true))
            .optional("platform", Params.platform())
            .optional("policy", Schema.string("Only this policy (definition or configuration name)")
                .minLength(1).maxLength(200))
            .optional("failed_only", Schema.bool("Only policies the image fails").defaultValue(false))
            .optional("violations_limit", Schema.integer("Most violations listed per policy (default "
                + DEFAULT_VIOLATIONS + "); the count covers all").min(0).max(1000)
                .defaultValue(DEFAULT_VIOLATIONS))
            .optional("verbose", Params.verbose()))
        .effect(Effect.READ)
        .handler(PolicyEvaluation::handle)
        .build();

    private static Result handle(Arguments args, ActionContext ctx) {
        ImageTarget target = ImageTarget.of(ctx, args);
        ObjectNode vars = Params.variables(args);
        vars.putObject("query").put("digest", target.imageDigest());
        ScoutResponse response = Params.send(ctx, QUERY, vars);
        JsonNode image = response.data().get("goalResultsByDigest");
        if (image == null || image.isNull()) {
            throw new ActionException(ErrorType.NOT_FOUND, "Scout has no policy results for " + target.image() + " ("
                + target.imageDigest() + ") in organization '" + args.string("organization") + "': the image may not "
                + "be analyzed yet or Scout may not be enabled for the repository");
        }
        ObjectNode out = Params.NODES.objectNode();
        out.set("image", target.toJson());
        if (args.bool("verbose", false)) {
            out.set("raw", image);
            return Params.ok(out, response.warnings());
        }
        String only = args.optString("policy").orElse(null);
        boolean failedOnly = args.bool("failed_only", false);
        int limit = args.integer("violations_limit", DEFAULT_VIOLATIONS);
        int passed = 0;
        int failed = 0;
        int unknown = 0;
        ArrayNode policies = Params.NODES.arrayNode();
        for (JsonNode p : image.path("policies")) {
            if (only != null && !only.equals(Params.text(p, "definitionName"))
                && !only.equals(Params.text(p, "configurationName"))) {
                continue;
            }
            String status = PolicyResults.status(p);
            switch (status) {
                case "pass" -> passed++;
                case "fail" -> failed++;
                default -> unknown++;
            }
            if (!failedOnly || "fail".equals(status)) {
                policies.add(PolicyResults.compact(p, limit));
            }
        }
        ObjectNode counts = out.putObject("counts");
        counts.put("passed", passed);
        counts.put("failed", failed);
        counts.put("unknown", unknown);
        out.set("policies", policies);
        List<String> warnings = new java.util.ArrayList<>(response.warnings());
        if (only != null && passed + failed + unknown == 0) {
            warnings.add("no policy named '" + only + "' was evaluated for this image");
        }
        return Params.ok(out, warnings);
    }
}
