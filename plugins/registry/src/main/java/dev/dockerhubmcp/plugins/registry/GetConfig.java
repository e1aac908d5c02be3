package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

/**
 * {@code get_config}: the image config (env, entrypoint, labels, history, rootfs) of one platform: index → platform
 * manifest (the one asked for; default linux/amd64, else the first real platform) → config blob (digest checked).
 */
final class GetConfig {
    static final Action ACTION = Action.builder("get_config")
        .description("Returns the image configuration (Env, Entrypoint, Cmd, Labels, ExposedPorts, history, rootfs) for "
            + "one platform of an image; default linux/amd64, else the first platform. Two or three requests.")
        .input(Schema.object()
            .required("repository", Params.repository())
            .optional("reference", Params.reference())
            .optional("platform", Params.platform()))
        .output(Schema.object()
            .required("manifest_digest", Schema.string("Platform manifest digest"))
            .required("config_digest", Schema.string("Config blob digest"))
            .required("platform", Schema.string("os/arch[/variant]"))
            .required("config", Schema.objectProp("The image config JSON")))
        .effect(Effect.READ)
        .handler(GetConfig::handle)
        .build();

    private GetConfig() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        RegistryClient c = ctx.registry();
        String repo = Params.repository(args);
        String wanted = args.optString("platform").orElse(null);
        Params.Manifest m = Params.manifest(c, repo, Params.reference(args), RegistryClient.MANIFEST_ACCEPT);
        if (m.index()) {
            JsonNode child = Params.choose(m.json(), wanted);
            if (child == null) {
                throw new ActionException(ErrorType.NOT_FOUND, "no platform " + (wanted == null ? "" : wanted + " ")
                    + "in " + repo + "@" + m.digest() + "; available: " + Params.platformsOf(m.json()));
            }
            m = Params.manifest(c, repo, child.path("digest").asText(), RegistryClient.MANIFEST_ACCEPT);
        }
        String configDigest = m.json().path("config").path("digest").asText("");
        if (configDigest.isEmpty()) {
            throw new ActionException(ErrorType.UPSTREAM, "manifest " + m.digest() + " has no config descriptor");
        }
        RegistryResponse r = c.send(RegistryRequest.builder("GET", repo).path("blobs/" + configDigest).build());
        Blobs.checkDigest(r.body(), configDigest);
        JsonNode config = r.json();
        String platform = Params.platformOf(config);
        if (wanted != null && !m.index() && !Params.matches(wanted, platform)) {
            throw new ActionException(ErrorType.NOT_FOUND, repo + " is a single-platform image for " + platform
                + ", not " + wanted);
        }
        ObjectNode data = Params.obj();
        data.put("manifest_digest", m.digest());
        data.put("config_digest", configDigest);
        data.put("platform", platform);
        data.set("config", config);
        return Result.ok(r.status(), data);
    }
}
