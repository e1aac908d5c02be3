package dev.dockerhubmcp.plugins.scim;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import org.pf4j.Extension;

import java.util.List;

/** {@code hub_scim}: Docker Hub's SCIM 2.0 API, with the SSO connection's SCIM token. */
@Extension
public final class ScimPlugin implements DockerHubPlugin {

    @Override
    public String id() {
        return "scim";
    }

    @Override
    public String description() {
        return "Docker Hub SCIM 2.0 user provisioning (needs DOCKERHUB_SCIM_TOKEN from the SSO connection): "
            + "service configuration, resource types, schemas, and users (list, read, create, update, deactivate).";
    }

    @Override
    public List<Action> actions() {
        return List.of(
            ServiceProviderConfig.ACTION,
            ResourceTypes.ACTION,
            ResourceType.ACTION,
            Schemas.ACTION,
            SchemaById.ACTION,
            ListUsers.ACTION,
            GetUser.ACTION,
            CreateUser.ACTION,
            UpdateUser.ACTION);
    }
}
