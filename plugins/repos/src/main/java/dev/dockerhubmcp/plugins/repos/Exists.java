package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** The HEAD checks: 200 is {@code exists: true}, 404 is {@code exists: false} (an answer, not an error). */
final class Exists {
    static final Schema.ObjectBuilder OUTPUT = Schema.object()
        .required("exists", Schema.bool("Whether it exists (and is visible to the caller)"));

    private Exists() {
    }

    static Result head(ActionContext ctx, String template, String... segments) {
        HubResponse response = ctx.hub().send(HubRequest.head(template, segments).auth(HubAuth.OPTIONAL)
            .accepting(404).build());
        boolean exists = response.status() != 404;
        ObjectNode data = Compact.NODES.objectNode();
        data.put("exists", exists);
        return Result.exists(response.status(), exists, data);
    }
}
