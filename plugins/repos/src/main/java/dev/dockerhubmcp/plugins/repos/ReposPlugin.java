package dev.dockerhubmcp.plugins.repos;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import org.pf4j.Extension;

import java.util.List;

/** {@code hub_repos}: Docker Hub repositories and tags, search, namespaces, immutable tags, team access. */
@Extension
public final class ReposPlugin implements DockerHubPlugin {
    private static final List<Action> ACTIONS = List.of(
        ListRepositories.ACTION,
        CreateRepository.ACTION,
        GetRepository.ACTION,
        CheckRepository.ACTION,
        ListTags.ACTION,
        CheckTags.ACTION,
        GetTag.ACTION,
        CheckTag.ACTION,
        SetImmutableTags.ACTION,
        VerifyImmutableTags.ACTION,
        AssignGroup.ACTION,
        Search.ACTION,
        ListNamespaces.ACTION,
        UpdateRepository.ACTION,
        DeleteTag.ACTION,
        DeleteRepository.ACTION);

    @Override
    public String id() {
        return "repos";
    }

    @Override
    public String description() {
        return "Docker Hub repositories: search, list, inspect, create, update and delete repositories and tags; "
            + "immutable tags; team access; your namespaces.";
    }

    @Override
    public List<Action> actions() {
        return ACTIONS;
    }
}
