package dev.dockerhubmcp.plugins.teams;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.PagedList;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;

/** GET /v2/orgs/{org_name}/groups (search, username, page, page_size). */
final class ListTeams {
    private static final PagedList PAGING = PagedList.DEFAULT;

    static final Action ACTION = Action.builder("list")
        .description("List an organization's teams (id, name, description, member_count), optionally only those "
            + "matching a search term or those a given user belongs to. One request per page; all_pages walks the "
            + "pages up to max_items.")
        .input(PAGING.input(Schema.object()
            .required("org", Params.org())
            .optional("search", Schema.string("Only teams whose name matches this term").minLength(1).maxLength(255))
            .optional("username", Params.username("Only teams this Docker ID belongs to"))
            .optional("verbose", Params.verbose())))
        .output(PAGING.output("A team: id, name, description, member_count"))
        .effect(Effect.READ)
        .handler(ListTeams::handle)
        .build();

    private ListTeams() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubRequest base = HubRequest.get("/v2/orgs/{}/groups", args.string("org"))
            .query("username", args.optString("username").orElse(null))
            .query("search", args.optString("search").orElse(null))
            .build();
        boolean verbose = args.bool("verbose", false);
        return PAGING.run(args, ctx, base, t -> Params.team(t, verbose));
    }
}
