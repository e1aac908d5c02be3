package dev.dockerhubmcp.plugins.scout;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import org.pf4j.Extension;

import java.util.List;

/**
 * {@code hub_scout}: Docker Scout over its GraphQL API ({@code POST /v1/graphql}, the Hub JWT as bearer):
 * vulnerabilities, SBOM, comparison, policies, recommendations and Docker Hardened Images. Image references are
 * resolved to digests through the registry first.
 */
@Extension
public final class ScoutPlugin implements DockerHubPlugin {

    /** Every action, listed explicitly; each action class also declares the QUERIES it can send. */
    private static final List<Action> ACTIONS = List.of(
        Summary.ACTION,
        Cves.ACTION,
        Vulnerabilities.ACTION,
        Sbom.ACTION,
        Compare.ACTION,
        Policies.ACTION,
        PolicyEvaluation.ACTION,
        Recommendations.ACTION,
        HardenedImages.ACTION);

    @Override
    public String id() {
        return "scout";
    }

    @Override
    public String description() {
        return "Docker Scout: image vulnerabilities (CVEs, EPSS, VEX), SBOM, image comparison, organization policies, "
            + "tag and base-image recommendations, Docker Hardened Images. Needs Docker Hub credentials.";
    }

    @Override
    public List<Action> actions() {
        return ACTIONS;
    }
}
