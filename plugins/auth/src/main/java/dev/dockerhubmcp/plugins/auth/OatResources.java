package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Schema;

/** The {@code resources} of an organization access token: {type, path, scopes}. */
final class OatResources {
    private OatResources() {
    }

    static Schema.Prop schema() {
        return Schema.array(Schema.objectProp(Schema.object()
                .required("type", Schema.string("TYPE_REPO (repositories) or TYPE_ORG (the organization)")
                    .enumOf("TYPE_REPO", "TYPE_ORG"))
                .required("path", Schema.string("For TYPE_REPO a repository 'org/repo', a glob 'org/*', or "
                    + "'*/*/public' for all public repositories; for TYPE_ORG the organization name")
                    .minLength(1).maxLength(255).pattern("^[a-z0-9*][a-z0-9._*/-]*$"))
                .required("scopes", Schema.array(Schema.string("A scope, e.g. repo-pull, repo-push")
                    .pattern("^[a-z][a-z0-9:_-]{0,63}$"), "What the token may do there").minItems(1).maxItems(20)
                    .uniqueItems()), "A resource the token can reach"),
            "Resources and scopes the token grants").maxItems(100);
    }

    /** The validated argument, copied into the body field by field (closed schema: nothing else passes). */
    static ArrayNode body(JsonNode resources) {
        ArrayNode out = Params.NODES.arrayNode();
        for (JsonNode r : resources) {
            ObjectNode c = out.addObject();
            c.put("type", r.path("type").asText());
            c.put("path", r.path("path").asText());
            ArrayNode scopes = c.putArray("scopes");
            r.path("scopes").forEach(s -> scopes.add(s.asText()));
        }
        return out;
    }
}
