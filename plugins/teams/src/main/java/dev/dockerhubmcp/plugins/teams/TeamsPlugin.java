package dev.dockerhubmcp.plugins.teams;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import org.pf4j.Extension;

import java.util.List;

/** {@code hub_teams}: an organization's teams (Hub "groups") and their members. */
@Extension
public final class TeamsPlugin implements DockerHubPlugin {

    @Override
    public String id() {
        return "teams";
    }

    @Override
    public String description() {
        return "Docker Hub organization teams (groups): list, create, read, update, patch, delete, and manage "
            + "their members.";
    }

    @Override
    public List<Action> actions() {
        return List.of(
            ListTeams.ACTION,
            CreateTeam.ACTION,
            GetTeam.ACTION,
            UpdateTeam.ACTION,
            PatchTeam.ACTION,
            DeleteTeam.ACTION,
            ListTeamMembers.ACTION,
            AddTeamMember.ACTION,
            RemoveTeamMember.ACTION);
    }
}
