package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** {@code update}: PATCH /v2/namespaces/{namespace}/repositories/{repository} (undocumented; Docker's server uses it). */
final class UpdateRepository {
    static final Action ACTION = Action.builder("update")
        .description("Change a repository's short description and/or its overview (full_description, Markdown) "
            + "(undocumented PATCH used by Docker's own MCP server). Fields left out are unchanged; needs write "
            + "access.")
        .input(Schema.object()
            .required("namespace", Params.namespace())
            .required("repository", Params.repository())
            .optional("description", Schema.string("Short description (at most 100 characters)").maxLength(100))
            .optional("full_description", Schema.string("Overview in Markdown (at most 25000 characters)")
                .maxLength(25_000))
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("name", Schema.string("Repository"))
            .optional("description", Schema.string("Short description")))
        .effect(Effect.WRITE)
        .handler(UpdateRepository::handle)
        .build();

    private UpdateRepository() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        ObjectNode body = Compact.NODES.objectNode();
        args.optString("description").ifPresent(d -> body.put("description", d));
        args.optString("full_description").ifPresent(d -> body.put("full_description", d));
        if (body.isEmpty()) {
            throw ActionException.validation("give 'description' and/or 'full_description': there is nothing else "
                + "to update");
        }
        HubResponse response = ctx.hub().send(HubRequest.patch("/v2/namespaces/{}/repositories/{}",
            args.string("namespace"), args.string("repository")).body(body).build());
        return Result.ok(response.status(), args.bool("verbose", false) ? response.object()
            : Compact.repositoryDetail(response.object()));
    }
}
