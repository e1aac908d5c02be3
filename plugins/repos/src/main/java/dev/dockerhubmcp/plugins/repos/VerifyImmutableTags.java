package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** {@code verify_immutable_tags}: POST …/repositories/{repository}/immutabletags/verify {regex} → {tags}. */
final class VerifyImmutableTags {
    static final Action ACTION = Action.builder("verify_immutable_tags")
        .description("Dry-run an immutable-tag rule: the Hub validates the regular expression and lists the "
            + "repository's tags it matches. Changes nothing; needs admin rights on the repository.")
        .input(Schema.object()
            .required("namespace", Params.namespace())
            .required("repository", Params.repository())
            .required("regex", Schema.string("The rule to test, e.g. 'v.*'").minLength(1).maxLength(255)))
        .output(Schema.object()
            .required("tags", Schema.array(Schema.string("Tag"), "Tags the rule matches")))
        .effect(Effect.READ)
        .handler(VerifyImmutableTags::handle)
        .build();

    private VerifyImmutableTags() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String regex = args.string("regex");
        Regexes.check("regex", regex);
        ObjectNode body = Compact.NODES.objectNode();
        body.put("regex", regex);
        HubResponse response = ctx.hub().send(HubRequest.post(
            "/v2/namespaces/{}/repositories/{}/immutabletags/verify", args.string("namespace"),
            args.string("repository")).body(body).build());
        ObjectNode data = Compact.NODES.objectNode();
        data.set("tags", response.json().path("tags").isArray() ? response.json().get("tags")
            : Compact.NODES.arrayNode());
        return Result.ok(response.status(), data);
    }
}
