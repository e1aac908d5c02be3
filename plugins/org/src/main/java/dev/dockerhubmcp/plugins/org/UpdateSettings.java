package dev.dockerhubmcp.plugins.org;

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

/** PUT /v2/orgs/{name}/settings: replaces the settings, so every field is required (as the spec says). */
final class UpdateSettings {
    static final Action ACTION = Action.builder("update_settings")
        .description("Replace an organization's image-access settings (restricted_images: enabled, "
            + "allow_official_images, allow_verified_publishers; all three required). Overwrites what is set and can "
            + "lock members out of images, hence destructive. Owner only; takes effect on business subscriptions.")
        .input(Schema.object()
            .required("org", Params.org())
            .required("restricted_images", Schema.objectProp(Settings.restrictedImages(),
                "The complete new restricted_images setting")))
        .output(Settings.output())
        .effect(Effect.DESTRUCTIVE)
        .handler(UpdateSettings::handle)
        .build();

    private UpdateSettings() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        ObjectNode body = JsonNodes.object();
        ObjectNode given = (ObjectNode) args.node("restricted_images");
        body.set("restricted_images", JsonNodes.pick(given, "enabled", "allow_official_images",
            "allow_verified_publishers"));
        HubResponse r = ctx.hub().send(HubRequest.put("/v2/orgs/{}/settings", args.string("org")).body(body).build());
        return Result.ok(r.status(), r.object());
    }
}
