package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** POST /v2/invites/bulk {@code {org, invitees, team?, role, dry_run}} → 202 with a status per invitee. */
final class BulkInvite {
    static final Action ACTION = Action.builder("bulk_invite")
        .description("Invite people (Docker IDs or email addresses) to an organization, optionally into a team, with "
            + "a role; reports each invitee's status (invited, existing_org_member, invalid_email_or_docker_id, …). "
            + "Use dry_run: true first to validate without sending invites. One request; org owners only.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("invitees", Schema.array(Schema.string("A Docker ID or an email address")
                    .pattern(Params.INVITEE).maxLength(320),
                "Who to invite (Docker IDs or emails), 1-" + Params.MAX_INVITEES + ", no duplicates")
                .minItems(1).maxItems(Params.MAX_INVITEES).uniqueItems())
            .optional("team", Schema.string("Team (group) to put the invitees in once they accept")
                .pattern(Params.TEAM).maxLength(255))
            .optional("role", Schema.string("Role the invitees get").enumOf(Params.ROLES).defaultValue("member"))
            .optional("dry_run", Schema.bool("Validate only: report each invitee's status without inviting anyone")
                .defaultValue(false))
            .optional("verbose", Params.verbose()))
        .output(Schema.object()
            .required("dry_run", Schema.bool(null))
            .required("invited", Schema.integer("Invitees whose status is 'invited'"))
            .required("by_status", Schema.objectProp("Number of invitees per status"))
            .required("results", Schema.array(Schema.objectProp("invitee, status and (when invited) invite_id"),
                "One entry per invitee, as Docker Hub reported it")))
        .effect(Effect.WRITE)
        .handler(BulkInvite::handle)
        .build();

    private BulkInvite() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        List<String> invitees = args.strings("invitees");
        Set<String> seen = new HashSet<>();
        for (String i : invitees) {
            if (!seen.add(i.toLowerCase(Locale.ROOT))) {
                throw ActionException.validation("'invitees' lists '" + i + "' twice");
            }
        }
        boolean dryRun = args.bool("dry_run", false);
        ObjectNode body = JsonNodes.object();
        body.put("org", args.string("org"));
        ArrayNode list = body.putArray("invitees");
        invitees.forEach(list::add);
        args.optString("team").ifPresent(t -> body.put("team", t));
        body.put("role", args.string("role", "member"));
        body.put("dry_run", dryRun);
        HubResponse r = ctx.hub().send(HubRequest.post("/v2/invites/bulk").body(body).build());

        boolean verbose = args.bool("verbose", false);
        ArrayNode results = JsonNodes.array();
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> notInvited = new ArrayList<>();
        for (JsonNode entry : entries(r.object())) {
            String status = JsonNodes.text(entry, "status");
            String key = status == null ? "unknown" : status;
            byStatus.merge(key, 1, Integer::sum);
            if (!"invited".equals(key)) {
                notInvited.add(JsonNodes.text(entry, "invitee") + " (" + key + ")");
            }
            if (verbose) {
                results.add(entry);
            } else {
                ObjectNode e = JsonNodes.pick(entry, "invitee", "status");
                String id = JsonNodes.text(entry.path("invite"), "id");
                if (id != null) {
                    e.put("invite_id", id);
                }
                results.add(e);
            }
        }
        ObjectNode data = JsonNodes.object();
        data.put("dry_run", dryRun);
        data.put("invited", byStatus.getOrDefault("invited", 0));
        ObjectNode counts = data.putObject("by_status");
        byStatus.forEach(counts::put);
        data.set("results", results);
        Result result = Result.ok(r.status(), data);
        if (!notInvited.isEmpty()) {
            result = result.withWarning(notInvited.size() + " of " + invitees.size() + " not invited: "
                + String.join(", ", notInvited.subList(0, Math.min(20, notInvited.size())))
                + (notInvited.size() > 20 ? ", …" : ""));
        }
        if (results.isEmpty()) {
            result = result.withWarning("Docker Hub's answer listed no invitees");
        }
        return result;
    }

    /**
     * The per-invitee entries: the spec nests them ({@code {"invitees": {"invitees": [...]}}}) while its example shows
     * them flat ({@code {"invitees": [...]}}); both are read.
     */
    private static JsonNode entries(JsonNode json) {
        JsonNode outer = json.path("invitees");
        if (outer.isArray()) {
            return outer;
        }
        JsonNode inner = outer.path("invitees");
        return inner.isArray() ? inner : JsonNodes.array();
    }
}
