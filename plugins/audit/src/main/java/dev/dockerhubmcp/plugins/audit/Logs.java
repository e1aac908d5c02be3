package dev.dockerhubmcp.plugins.audit;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.PagedList;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;

import java.time.Instant;

/**
 * GET /v2/auditlogs/{account} (action, name, actor, from, to, page, page_size); the events are under {@code logs}. The
 * answer carries no count or next link, so another page is assumed while a page comes back full. The {@code action}
 * filter is taken as {@code event_action}: {@code action} routes the consolidated tool.
 */
final class Logs {
    /** The page size Docker Hub uses when none is asked for (spec default). */
    static final int UPSTREAM_PAGE_SIZE = 25;
    /** The log has no count or next link: another page is assumed while a page comes back full. */
    private static final PagedList PAGING = PagedList.DEFAULT.withUpstreamPageSize(UPSTREAM_PAGE_SIZE);

    static final Action ACTION = Action.builder("logs")
        .description("Read an organization's audit log events (who did what, when: repository, team, member, "
            + "settings and token changes), newest first, filtered by event_action, name, actor and a from/to time "
            + "window (ISO-8601 dates or date-times). One request per page; all_pages walks pages up to max_items. "
            + "Org owners only.")
        .input(PAGING.input(Schema.object()
            .required("account", Params.account())
            .optional("event_action", Schema.string("Only events of this action, e.g. 'repo.tag.push' (list them "
                + "with actions)")
                .pattern("^[a-z0-9_-]+(?:\\.[a-z0-9_-]+)*$").maxLength(255))
            .optional("name", Schema.string("Only events about this name: a repository ('org/repo'), the "
                + "organization, or a team member's username").minLength(1).maxLength(255))
            .optional("actor", Schema.string("Only events triggered by this Docker ID").pattern(Patterns.USERNAME)
                .maxLength(255))
            .optional("from", TimeWindow.prop("Start of the window: a date (start of that day, UTC) or a date-time, "
                + "e.g. 2024-05-01 or 2024-05-01T13:00:00+02:00"))
            .optional("to", TimeWindow.prop("End of the window: a date (end of that day, UTC) or a date-time"))
            .optional("verbose", Params.verbose())))
        .output(PAGING.output("An event: timestamp, action, actor, name, data, action_description"))
        .effect(Effect.READ)
        .handler(Logs::handle)
        .build();

    private Logs() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        Instant from = args.optString("from").map(v -> TimeWindow.parse("from", v, false)).orElse(null);
        Instant to = args.optString("to").map(v -> TimeWindow.parse("to", v, true)).orElse(null);
        if (from != null && to != null && from.isAfter(to)) {
            throw ActionException.validation("'from' (" + TimeWindow.format(from) + ") is after 'to' ("
                + TimeWindow.format(to) + ")");
        }
        HubRequest base = HubRequest.get("/v2/auditlogs/{}", args.string("account"))
            .query("action", args.optString("event_action").orElse(null))
            .query("name", args.optString("name").orElse(null))
            .query("actor", args.optString("actor").orElse(null))
            .query("from", from == null ? null : TimeWindow.format(from))
            .query("to", to == null ? null : TimeWindow.format(to))
            .build();
        boolean verbose = args.bool("verbose", false);
        return PAGING.run(args, ctx, base, e -> verbose ? e
            : JsonNodes.pick(e, "timestamp", "action", "actor", "name", "data", "action_description"));
    }
}
