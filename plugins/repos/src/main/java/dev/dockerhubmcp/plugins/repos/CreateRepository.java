package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** {@code create}: POST /v2/namespaces/{namespace}/repositories. */
final class CreateRepository {
    static final Action ACTION = Action.builder("create")
        .description("Create a repository in a namespace you can write to (public unless is_private is true; private "
            + "repositories count against the plan's quota). Fails with conflict if the name is taken.")
        .input(Schema.object()
            .required("namespace", Params.namespace())
            .required("name", Schema.string("Repository name: 2-255 characters, lowercase letters, digits and "
                + "single '.', '_' or '-' between them").minLength(2).maxLength(255).pattern(Patterns.REPOSITORY))
            .optional("description", Schema.string("Short description (at most 100 characters)").maxLength(100))
            .optional("full_description", Schema.string("Overview in Markdown (at most 25000 characters)")
                .maxLength(25_000))
            .optional("is_private", Schema.bool("Private repository (default false)"))
            .optional("registry", Schema.string("Registry that hosts it (default docker.io)").enumOf("docker.io"))
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("name", Schema.string("Repository name"))
            .required("namespace", Schema.string("Namespace"))
            .optional("is_private", Schema.bool("Visibility")))
        .effect(Effect.WRITE)
        .handler(CreateRepository::handle)
        .build();

    private CreateRepository() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String namespace = args.string("namespace");
        ObjectNode body = Compact.NODES.objectNode();
        body.put("name", args.string("name"));
        body.put("namespace", namespace);
        args.optString("description").ifPresent(d -> body.put("description", d));
        args.optString("full_description").ifPresent(d -> body.put("full_description", d));
        body.put("registry", args.string("registry", "docker.io"));
        body.put("is_private", args.bool("is_private", false));
        HubResponse response = ctx.hub().send(HubRequest.post("/v2/namespaces/{}/repositories", namespace)
            .body(body).build());
        return Result.ok(response.status(), args.bool("verbose", false) ? response.object()
            : Compact.repositoryDetail(response.object()));
    }
}
