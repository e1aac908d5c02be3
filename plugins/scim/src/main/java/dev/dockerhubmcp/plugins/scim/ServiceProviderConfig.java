package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
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

/** GET /v2/scim/2.0/ServiceProviderConfig. */
final class ServiceProviderConfig {
    static final Action ACTION = Action.builder("service_provider_config")
        .description("Read Docker Hub's SCIM service provider configuration: which SCIM features it supports "
            + "(patch, bulk, filter with its result limit, sort, etag, password change) and how it authenticates. "
            + "One request with the SCIM token (DOCKERHUB_SCIM_TOKEN).")
        .input(Schema.object().optional("verbose", Scim.verbose()))
        .output(Schema.object()
            .optional("patch", Schema.bool(null))
            .optional("bulk", Schema.bool(null))
            .optional("filter", Schema.bool(null))
            .optional("maxResults", Schema.integer("Most results a filtered list returns"))
            .optional("changePassword", Schema.bool(null))
            .optional("sort", Schema.bool(null))
            .optional("etag", Schema.bool(null))
            .optional("authenticationSchemes", Schema.array(Schema.string(null), "Scheme names"))
            .allowAdditional())
        .effect(Effect.READ)
        .handler(ServiceProviderConfig::handle)
        .build();

    private ServiceProviderConfig() {
    }

    private static Result handle(Arguments args, ActionContext ctx) {
        HubResponse r = Scim.send(ctx, HubRequest.get(Scim.BASE + "/ServiceProviderConfig"));
        JsonNode c = r.object();
        if (args.bool("verbose", false)) {
            return Result.ok(r.status(), c);
        }
        ObjectNode data = JsonNodes.object();
        for (String feature : new String[] {"patch", "bulk", "filter", "changePassword", "sort", "etag"}) {
            JsonNode supported = c.path(feature).get("supported");
            if (supported != null && supported.isBoolean()) {
                data.put(feature, supported.asBoolean());
            }
        }
        JsonNode max = c.path("filter").get("maxResults");
        if (max != null && max.isNumber()) {
            data.set("maxResults", max);
        }
        JsonNode schemes = c.path("authenticationSchemes");
        ArrayNode names = JsonNodes.array();
        if (schemes.isArray()) {
            schemes.forEach(s -> addName(names, s));
        } else if (schemes.isObject()) {
            addName(names, schemes);
        }
        if (!names.isEmpty()) {
            data.set("authenticationSchemes", names);
        }
        return Result.ok(r.status(), data);
    }

    private static void addName(ArrayNode names, JsonNode scheme) {
        String name = JsonNodes.text(scheme, "name");
        if (name != null) {
            names.add(name);
        }
    }
}
