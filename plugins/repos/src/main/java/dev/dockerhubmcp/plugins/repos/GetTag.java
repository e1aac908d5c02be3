package dev.dockerhubmcp.plugins.repos;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** {@code get_tag}: GET /v2/namespaces/{namespace}/repositories/{repository}/tags/{tag}. */
final class GetTag {
    static final Action ACTION = Action.builder("get_tag")
        .description("Get one tag: digest, size, last push/pull, status and each platform image with its own "
            + "digest and size (verbose adds layers). Hub metadata only: does not count as a pull.")
        .input(Schema.object()
            .optional("namespace", Params.namespaceOrLibrary())
            .required("repository", Params.repository())
            .required("tag", Params.tag())
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("name", Schema.string("Tag"))
            .optional("digest", Schema.string("Digest of the tag (index or manifest)"))
            .optional("size", Schema.integer("Compressed size in bytes"))
            .optional("last_pushed", Schema.string("Last push").format("date-time"))
            .optional("status", Schema.string("active or inactive"))
            .optional("images", Schema.array(Schema.objectProp("{platform, digest, size, status, last_pushed, "
                + "last_pulled}"), "Platform images")))
        .effect(Effect.READ)
        .handler(GetTag::handle)
        .build();

    private GetTag() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        HubResponse response = ctx.hub().send(HubRequest.get("/v2/namespaces/{}/repositories/{}/tags/{}",
            Params.namespaceOf(args), args.string("repository"), args.string("tag")).auth(HubAuth.OPTIONAL).build());
        return Result.ok(response.status(), args.bool("verbose", false) ? response.object()
            : Compact.tagDetail(response.object()));
    }
}
