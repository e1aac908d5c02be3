package dev.dockerhubmcp.plugins.repos;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Schema;

/** {@code check}: HEAD /v2/namespaces/{namespace}/repositories/{repository}. */
final class CheckRepository {
    static final Action ACTION = Action.builder("check")
        .description("Check whether a repository exists (HEAD: no body, cheapest call); a missing or invisible "
            + "repository answers exists: false, not an error.")
        .input(Schema.object()
            .optional("namespace", Params.namespaceOrLibrary())
            .required("repository", Params.repository()))
        .output(Exists.OUTPUT)
        .effect(Effect.READ)
        .handler((args, ctx) -> Exists.head(ctx, "/v2/namespaces/{}/repositories/{}", Params.namespaceOf(args),
            args.string("repository")))
        .build();

    private CheckRepository() {
    }
}
