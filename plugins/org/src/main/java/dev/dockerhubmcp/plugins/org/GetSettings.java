package dev.dockerhubmcp.plugins.org;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/** GET /v2/orgs/{name}/settings. */
final class GetSettings {
    static final Action ACTION = Action.builder("get_settings")
        .description("Read an organization's settings (restricted_images: whether members may only use official, "
            + "verified-publisher or org images). One request; needs org owner rights.")
        .input(Schema.object().required("org", Params.org()))
        .output(Settings.output())
        .effect(Effect.READ)
        .handler(GetSettings::handle)
        .build();

    private GetSettings() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = ctx.hub().send(HubRequest.get("/v2/orgs/{}/settings", args.string("org")).build());
        return Result.ok(r.status(), r.object());
    }
}
