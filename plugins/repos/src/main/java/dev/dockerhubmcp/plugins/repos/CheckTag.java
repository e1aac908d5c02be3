package dev.dockerhubmcp.plugins.repos;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Schema;

/** {@code check_tag}: HEAD /v2/namespaces/{namespace}/repositories/{repository}/tags/{tag}. */
final class CheckTag {
    static final Action ACTION = Action.builder("check_tag")
        .description("Check whether a tag exists (HEAD on the Hub API: no body, does not count as a pull); a "
            + "missing tag answers exists: false, not an error.")
        .input(Schema.object()
            .optional("namespace", Params.namespaceOrLibrary())
            .required("repository", Params.repository())
            .required("tag", Params.tag()))
        .output(Exists.OUTPUT)
        .effect(Effect.READ)
        .handler((args, ctx) -> Exists.head(ctx, "/v2/namespaces/{}/repositories/{}/tags/{}",
            Params.namespaceOf(args), args.string("repository"), args.string("tag")))
        .build();

    private CheckTag() {
    }
}
