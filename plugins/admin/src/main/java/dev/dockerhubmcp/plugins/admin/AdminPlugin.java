package dev.dockerhubmcp.plugins.admin;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import org.pf4j.Extension;

import java.util.List;

/** {@code hub_admin}: what this server is and sees — loaded plugins, rate limits, identity, pull quota. */
@Extension
public final class AdminPlugin implements DockerHubPlugin {
    private final List<Action> actions = List.of(
        Plugins.ACTION,
        RateLimit.ACTION,
        WhoAmI.ACTION,
        PullQuota.ACTION);

    @Override
    public String id() {
        return "admin";
    }

    @Override
    public String description() {
        return "About this server: loaded plugins and their actions, the latest Docker Hub rate-limit figures, who "
            + "the server is authenticated as, and the registry pull quota left.";
    }

    @Override
    public List<Action> actions() {
        return actions;
    }
}
