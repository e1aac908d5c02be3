package com.example.clash;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;

import java.util.List;

/** A plugin with ordinary parameter names (loader test). */
public final class FinePlugin implements DockerHubPlugin {
    @Override
    public String id() {
        return "fine";
    }

    @Override
    public String description() {
        return "A plugin with ordinary parameters.";
    }

    @Override
    public List<Action> actions() {
        return List.of(Action.builder("filter").description("Filters.")
            .input(Schema.object().optional("event_action", Schema.string("A filter")))
            .effect(Effect.READ)
            .handler((args, ctx) -> Result.ok(args.asObject()))
            .build());
    }
}
