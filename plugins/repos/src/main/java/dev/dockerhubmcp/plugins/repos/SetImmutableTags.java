package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

import java.util.List;

/** {@code set_immutable_tags}: PATCH …/repositories/{repository}/immutabletags {immutable_tags, immutable_tags_rules}. */
final class SetImmutableTags {
    static final Action ACTION = Action.builder("set_immutable_tags")
        .description("Turn immutable tags on or off for a repository and set the rules (regular expressions; a tag "
            + "matching one can no longer be overwritten). Replaces the whole rule list; needs admin rights on the "
            + "repository. Check a rule first with verify_immutable_tags.")
        .input(Schema.object()
            .required("namespace", Params.namespace())
            .required("repository", Params.repository())
            .required("immutable_tags", Schema.bool("Whether immutable tags are enabled"))
            .required("immutable_tags_rules", Schema.array(Schema.string("A regular expression over tag names, e.g. "
                + "'v.*'").minLength(1).maxLength(255), "The complete list of rules (replaces the current one; may "
                + "be empty)").maxItems(100).uniqueItems())
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("name", Schema.string("Repository"))
            .required("immutable_tags_settings", Schema.objectProp("{enabled, rules} as stored")))
        .effect(Effect.WRITE)
        .handler(SetImmutableTags::handle)
        .build();

    private SetImmutableTags() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        List<String> rules = args.strings("immutable_tags_rules");
        for (int i = 0; i < rules.size(); i++) {
            Regexes.check("immutable_tags_rules[" + i + "]", rules.get(i));
        }
        ObjectNode body = Compact.NODES.objectNode();
        body.put("immutable_tags", args.bool("immutable_tags", false));
        ArrayNode r = body.putArray("immutable_tags_rules");
        rules.forEach(r::add);
        HubResponse response = ctx.hub().send(HubRequest.patch("/v2/namespaces/{}/repositories/{}/immutabletags",
            args.string("namespace"), args.string("repository")).body(body).build());
        if (args.bool("verbose", false)) {
            return Result.ok(response.status(), response.json());
        }
        ObjectNode data = Compact.NODES.objectNode();
        Compact.copy(response.object(), "name", data, "name");
        Compact.copy(response.object(), "namespace", data, "namespace");
        Compact.copy(response.object(), "immutable_tags_settings", data, "immutable_tags_settings");
        return Result.ok(response.status(), data);
    }
}
