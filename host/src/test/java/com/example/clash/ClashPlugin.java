package com.example.clash;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;

import java.util.List;

/** A plugin whose action has a parameter named like a routing parameter of the consolidated tool (loader test). */
public final class ClashPlugin implements DockerHubPlugin {
    @Override
    public String id() {
        return "clash";
    }

    @Override
    public String description() {
        return "A plugin with a parameter named like a routing parameter.";
    }

    @Override
    public List<Action> actions() {
        return List.of(Action.builder("filter").description("Filters.")
            .input(Schema.object().optional("action", Schema.string("Only events of this action")))
            .effect(Effect.READ)
            .handler((args, ctx) -> Result.ok(args.asObject()))
            .build());
    }
}
