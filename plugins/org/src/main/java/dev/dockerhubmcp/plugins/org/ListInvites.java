package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.PagedList;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** GET /v2/orgs/{org_name}/invites; the answer's list is under {@code data} (not paginated). */
final class ListInvites {
    static final Action ACTION = Action.builder("list_invites")
        .description("List an organization's pending invites (id, invitee, team, inviter, created_at); the ids feed "
            + "resend_invite and delete_invite. One request, every invite at once; org owners only.")
        .input(Schema.object()
            .required("org", Params.org())
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("count", Schema.integer("Number of pending invites"))
            .required("items", Schema.array(Schema.objectProp("An invite"), "Pending invites")))
        .effect(Effect.READ)
        .handler(ListInvites::handle)
        .build();

    private ListInvites() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = ctx.hub().send(HubRequest.get("/v2/orgs/{}/invites", args.string("org")).build());
        boolean verbose = args.bool("verbose", false);
        ArrayNode items = JsonNodes.array();
        for (JsonNode invite : PagedList.pageObject(r.json()).items()) {
            items.add(verbose ? invite
                : JsonNodes.pick(invite, "id", "invitee", "team", "inviter_username", "created_at"));
        }
        ObjectNode data = JsonNodes.object();
        data.put("count", items.size());
        data.set("items", items);
        return Result.ok(r.status(), data);
    }
}
