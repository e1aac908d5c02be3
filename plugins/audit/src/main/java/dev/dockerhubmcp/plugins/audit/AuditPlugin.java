package dev.dockerhubmcp.plugins.audit;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import org.pf4j.Extension;

import java.util.List;

/** {@code hub_audit}: an organization's audit log. */
@Extension
public final class AuditPlugin implements DockerHubPlugin {

    @Override
    public String id() {
        return "audit";
    }

    @Override
    public String description() {
        return "Docker Hub audit logs: an organization's events (who changed what, when), filtered by event action, name, "
            + "actor and time window, and the list of action names.";
    }

    @Override
    public List<Action> actions() {
        return List.of(Logs.ACTION, Actions.ACTION);
    }
}
