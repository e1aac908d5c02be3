package dev.dockerhubmcp.plugins.teams;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;

/** GET /v2/orgs/{org_name}/groups/{group_name}/members (search, page, page_size). */
final class ListTeamMembers {
    static final Action ACTION = Action.builder("list_members")
        .description("List the members of a team (username, full_name; email when the caller is an org owner), "
            + "optionally matching a search term on username, full name or email. One request per page; all_pages "
            + "walks the pages up to max_items.")
        .input(Paging.paged(Schema.object()
            .required("org", Fields.org())
            .required("team", Fields.team())
            .optional("search", Schema.string("Only members whose username, full name or email matches")
                .minLength(1).maxLength(255))
            .optional("verbose", Fields.verbose())))
        .output(Paging.output("A member: username, full_name, email"))
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
        return Paging.run(args, ctx, base, Paging::standard, m -> verbose ? m
            : Json.pick(m, "username", "full_name", "email"));
    }
}
