package dev.dockerhubmcp.plugins.repos;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Schema;

/** {@code check_tags}: HEAD /v2/namespaces/{namespace}/repositories/{repository}/tags. */
final class CheckTags {
    static final Action ACTION = Action.builder("check_tags")
        .description("Check whether a repository has any tags (HEAD: no body, does not count as a pull); a missing "
            + "repository or one without tags answers exists: false, not an error.")
        .input(Schema.object()
            .optional("namespace", Params.namespaceOrLibrary())
            .required("repository", Params.repository()))
        .output(Exists.OUTPUT)
        .effect(Effect.READ)
        .handler((args, ctx) -> Exists.head(ctx, "/v2/namespaces/{}/repositories/{}/tags", Params.namespaceOf(args),
            args.string("repository")))
        .build();

    private CheckTags() {
    }
}
