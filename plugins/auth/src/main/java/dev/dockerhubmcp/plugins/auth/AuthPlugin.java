package dev.dockerhubmcp.plugins.auth;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import org.pf4j.Extension;

import java.util.List;

/** {@code hub_auth}: credential checks, login with two-factor, personal and organization access tokens. */
@Extension
public final class AuthPlugin implements DockerHubPlugin {
    private final List<Action> actions;

    public AuthPlugin() {
        TwoFactorChallenges challenges = new TwoFactorChallenges();
        this.actions = List.of(
            CreateToken.ACTION,
            Login.action(challenges),
            TwoFactorLogin.action(challenges),
            ListPats.ACTION,
            GetPat.ACTION,
            CreatePat.ACTION,
            UpdatePat.ACTION,
            DeletePat.ACTION,
            ListOats.ACTION,
            GetOat.ACTION,
            CreateOat.ACTION,
            UpdateOat.ACTION,
            DeleteOat.ACTION);
    }

    @Override
    public String id() {
        return "auth";
    }

    @Override
    public String description() {
        return "Docker Hub authentication: check credentials, log in (with two-factor), and manage personal and "
            + "organization access tokens.";
    }

    @Override
    public List<Action> actions() {
        return actions;
    }
}
