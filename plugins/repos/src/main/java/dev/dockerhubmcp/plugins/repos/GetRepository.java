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

/** {@code get}: GET /v2/namespaces/{namespace}/repositories/{repository}. */
final class GetRepository {
    static final Action ACTION = Action.builder("get")
        .description("Get one repository: description, visibility, stars, pulls, last update, status, immutable-tag "
            + "settings, your permissions and the first " + Compact.FULL_DESCRIPTION_CHARS + " characters of its "
            + "overview (verbose: everything). Anonymous for public repositories.")
        .input(Schema.object()
            .optional("namespace", Params.namespaceOrLibrary())
            .required("repository", Params.repository())
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("name", Schema.string("Repository name"))
            .required("namespace", Schema.string("Namespace"))
            .optional("description", Schema.string("Short description"))
            .optional("is_private", Schema.bool("Visibility"))
            .optional("star_count", Schema.integer("Stars"))
            .optional("pull_count", Schema.integer("Pulls"))
            .optional("last_updated", Schema.string("Last push").format("date-time"))
            .optional("status", Schema.string("active or inactive"))
            .optional("immutable_tags_settings", Schema.objectProp("{enabled, rules}")))
        .effect(Effect.READ)
        .handler(GetRepository::handle)
        .build();

    private GetRepository() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        HubResponse response = ctx.hub().send(HubRequest.get("/v2/namespaces/{}/repositories/{}",
            Params.namespaceOf(args), args.string("repository")).auth(HubAuth.OPTIONAL).build());
        return Result.ok(response.status(), args.bool("verbose", false) ? response.object()
            : Compact.repositoryDetail(response.object()));
    }
}
