package dev.dockerhubmcp.host;

import dev.dockerhubmcp.api.http.Credentials;
import dev.dockerhubmcp.api.http.UpstreamConfig;

import java.nio.file.Path;
import java.util.Map;

/** Reads the upstream configuration from the environment. */
final class Upstream {
    private Upstream() {
    }

    static UpstreamConfig fromEnvironment(Map<String, String> env, Path home) {
        UpstreamConfig.Builder b = UpstreamConfig.builder();
        if (env.containsKey("DOCKERHUB_URL")) {
            b.hubUrl(env.get("DOCKERHUB_URL"));
        }
        if (env.containsKey("DOCKER_REGISTRY_URL")) {
            b.registryUrl(env.get("DOCKER_REGISTRY_URL"));
        }
        if (env.containsKey("DOCKER_REGISTRY_AUTH_URL")) {
            b.registryAuthUrl(env.get("DOCKER_REGISTRY_AUTH_URL"));
        }
        if (env.containsKey("DOCKER_SCOUT_URL")) {
            b.scoutUrl(env.get("DOCKER_SCOUT_URL"));
        }
        b.sslVerify(HostConfig.truthy("DOCKERHUB_SSL_VERIFY", env.get("DOCKERHUB_SSL_VERIFY"), true));
        b.scimToken(env.get("DOCKERHUB_SCIM_TOKEN"));
        if (env.get("DOCKERHUB_JWT") != null) {
            b.credentials(Credentials.jwt(env.get("DOCKERHUB_JWT")));
        } else if (env.get("DOCKER_HUB_USER") != null && env.get("DOCKER_HUB_TOKEN") != null) {
            b.credentials(Credentials.of(env.get("DOCKER_HUB_USER"), env.get("DOCKER_HUB_TOKEN"),
                "DOCKER_HUB_USER/DOCKER_HUB_TOKEN"));
        } else if (env.get("DOCKERHUB_USERNAME") != null && env.get("DOCKERHUB_TOKEN") != null) {
            b.credentials(Credentials.of(env.get("DOCKERHUB_USERNAME"), env.get("DOCKERHUB_TOKEN"),
                "DOCKERHUB_USERNAME/DOCKERHUB_TOKEN"));
        }
        return b.build();
    }
}
