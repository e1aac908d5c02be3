package dev.dockerhubmcp.plugins.teams;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.PagedList;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;

/** GET /v2/orgs/{org_name}/groups/{group_name}/members (search, page, page_size). */
final class ListTeamMembers {
    private static final PagedList PAGING = PagedList.DEFAULT;

    static final Action ACTION = Action.builder("list_members")
        .description("List the members of a team (username, full_name; email when the caller is an org owner), "
            + "optionally matching a search term on username, full name or email. One request per page; all_pages "
            + "walks the pages up to max_items.")
        .input(PAGING.input(Schema.object()
            .required("org", Params.org())
            .required("team", Params.team())
            .optional("search", Schema.string("Only members whose username, full name or email matches")
                .minLength(1).maxLength(255))
            .optional("verbose", Params.verbose())))
        .output(PAGING.output("A member: username, full_name, email"))
        .effect(Effect.READ)
        .handler(ListTeamMembers::handle)
        .build();

    private ListTeamMembers() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubRequest base = HubRequest.get("/v2/orgs/{}/groups/{}/members", args.string("org"), args.string("team"))
            .query("search", args.optString("search").orElse(null))
            .build();
        boolean verbose = args.bool("verbose", false);
        return PAGING.run(args, ctx, base, m -> verbose ? m
            : JsonNodes.pick(m, "username", "full_name", "email"));
    }
}
