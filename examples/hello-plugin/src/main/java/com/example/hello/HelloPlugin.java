package com.example.hello;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;
import org.pf4j.Extension;

import java.util.List;

/**
 * An example third-party plugin, built from the published plugin API only. It contributes the tool
 * {@code hub_hello} with two actions: one that needs no network and one that uses the host's shared Docker Hub
 * client (so it gets authentication, retries, rate-limit tracking and redaction for free).
 */
@Extension
public final class HelloPlugin implements DockerHubPlugin {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final Action GREET = Action.builder("greet")
        .description("Greets someone by name. Needs no network.")
        .input(Schema.object().required("name", Schema.string("Who to greet").minLength(1).maxLength(64)))
        .output(Schema.object().required("greeting", Schema.string("The greeting")))
        .effect(Effect.READ)
        .handler((args, ctx) -> Result.ok(NODES.objectNode().put("greeting", "Hello, " + args.string("name") + "!")))
        .build();

    static final Action REPO_COUNT = Action.builder("repo_count")
        .description("Counts the repositories of a Docker Hub namespace (one Hub API call, anonymous for public ones).")
        .input(Schema.object().required("namespace", Schema.string("User or organization").pattern(Patterns.NAMESPACE)))
        .effect(Effect.READ)
        .handler((args, ctx) -> {
            HubResponse r = ctx.hub().send(HubRequest.get("/v2/namespaces/{}/repositories", args.string("namespace"))
                .query("page_size", 1).auth(HubAuth.OPTIONAL).build());
            ObjectNode data = NODES.objectNode();
            data.put("namespace", args.string("namespace"));
            data.put("repositories", r.json().path("count").asLong());
            return Result.ok(r.status(), data);
        })
        .build();

    @Override
    public String id() {
        return "hello";
    }

    @Override
    public String description() {
        return "Example plugin: greetings and a repository count.";
    }

    @Override
    public List<Action> actions() {
        return List.of(GREET, REPO_COUNT);
    }
}
