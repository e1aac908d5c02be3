package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

import java.util.List;

/** GET /v2/orgs/{org_name}/members/export with {@code Accept: text/csv}. */
final class ExportMembers {
    static final Action ACTION = Action.builder("export_members")
        .description("Export every member of an organization as CSV (Name, Username, Email, Type, Permission, Teams, "
            + "Date Joined) in one request; returns the CSV text, its columns and the row count. The text grows with "
            + "the org: prefer list_members for a few fields.")
        .input(Schema.object().required("org", Params.org()))
        .output(Schema.object()
            .required("csv", Schema.string("The CSV text as Docker Hub sent it"))
            .required("rows", Schema.integer("Data rows (members), not counting the header"))
            .required("columns", Schema.array(Schema.string(null), "The header's column names")))
        .effect(Effect.READ)
        .handler(ExportMembers::handle)
        .build();

    private ExportMembers() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = ctx.hub().send(HubRequest.get("/v2/orgs/{}/members/export", args.string("org"))
            .accept("text/csv").build());
        List<List<String>> records = Csv.parse(r.text());
        ObjectNode data = JsonNodes.object();
        data.put("csv", r.text());
        data.put("rows", Math.max(0, records.size() - 1));
        ArrayNode columns = data.putArray("columns");
        if (!records.isEmpty()) {
            records.get(0).forEach(columns::add);
        }
        return Result.ok(r.status(), data);
    }
}
