package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

/** {@code api_version}: GET /v2/ — whether the registry speaks the v2 API and which version it announces. */
final class ApiVersion {
    static final Action ACTION = Action.builder("api_version")
        .description("Checks that the registry answers the Registry HTTP API v2 (GET /v2/) and returns its announced "
            + "version. One cheap request; use it to test connectivity and credentials.")
        .input(Schema.object())
        .output(Schema.object()
            .required("supported", Schema.bool("True when /v2/ answered 200"))
            .optional("api_version", Schema.string("Docker-Distribution-API-Version header, e.g. registry/2.0")))
        .effect(Effect.READ)
        .handler(ApiVersion::handle)
        .build();

    private ApiVersion() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        RegistryResponse r = ctx.registry().send(RegistryRequest.builder("GET", null).build());
        ObjectNode data = Params.obj();
        data.put("supported", r.status() == 200);
        data.put("api_version", r.header("docker-distribution-api-version").orElse(null));
        data.put("registry", ctx.registry().baseUrl());
        return Result.ok(r.status(), data).withHeaders(Params.headers(r));
    }
}
