package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code inspect}: like {@code docker buildx imagetools inspect}: name, digest, media type, size and, for an index,
 * each platform manifest (attestations apart). Requests: 1 for an index; for a single manifest 2 (its config gives
 * the platform); {@code include_layers} adds one per platform manifest, {@code include_config} one config blob per
 * platform (plus the manifest). Per-platform fetches run concurrently. The answer reports {@code upstream_requests}.
 */
final class Inspect {
    static final Action ACTION = Action.builder("inspect")
        .description("Summarises an image like 'docker buildx imagetools inspect': digest, media type, size, platforms "
            + "with their manifest digests and attestations. include_layers / include_config fetch each platform's "
            + "manifest / config (more requests, run in parallel). Reports how many registry requests it made.")
        .input(Schema.object()
            .required("repository", Params.repository())
            .optional("reference", Params.reference())
            .optional("include_config", Schema.bool("Add each platform's config summary (env, entrypoint, cmd, "
                + "labels, created)"))
            .optional("include_layers", Schema.bool("Add each platform's layers (digest, size, media type)"))
            .optional("platform", Params.platform().with("description", "Only this platform (for include_* fetches)")))
        .effect(Effect.READ)
        .handler(Inspect::handle)
        .build();

    private Inspect() {
    }

    static Result handle(Arguments args, ActionContext ctx) throws InterruptedException {
        CountingClient c = new CountingClient(ctx.registry());
        String repo = Params.repository(args);
        String ref = Params.reference(args);
        boolean withConfig = args.bool("include_config", false);
        boolean withLayers = args.bool("include_layers", false);
        String only = args.optString("platform").orElse(null);
        Params.Manifest top = Params.manifest(c, repo, ref, RegistryClient.MANIFEST_ACCEPT);
        ObjectNode data = Params.obj();
        data.put("name", repo + (Params.isDigest(ref) ? "@" : ":") + ref);
        data.put("digest", top.digest());
        data.put("media_type", top.mediaType());
        data.put("size", top.size());
        if (top.index()) {
            ArrayNode manifests = data.putArray("manifests");
            ArrayNode attestations = Params.MAPPER.createArrayNode();
            List<ObjectNode> toFill = new ArrayList<>();
            for (JsonNode d : top.json().path("manifests")) {
                if (Params.attestation(d)) {
                    ObjectNode a = Params.descriptor(d);
                    a.put("attests", d.path("annotations").path("vnd.docker.reference.digest").asText(null));
                    attestations.add(a);
                    continue;
                }
                ObjectNode p = manifests.addObject();
                p.put("platform", Params.platformOf(d.path("platform")));
                p.setAll(Params.descriptor(d));
                if ((withConfig || withLayers) && (only == null || Params.matches(only, p.path("platform").asText()))) {
                    toFill.add(p);
                }
            }
            if (!attestations.isEmpty()) {
                data.set("attestations", attestations);
            }
            fillConcurrently(c, repo, toFill, withConfig, withLayers);
        } else {
            JsonNode config = fetchConfig(c, repo, top.json());
            data.put("platform", Params.platformOf(config));
            if (withLayers) {
                data.set("layers", layers(top.json()));
            }
            if (withConfig) {
                data.set("config", summary(config));
            }
        }
        data.put("upstream_requests", c.count());
        return Result.ok(top.status(), data);
    }

    private static void fillConcurrently(RegistryClient c, String repo, List<ObjectNode> platforms, boolean withConfig,
                                         boolean withLayers) throws InterruptedException {
        if (platforms.isEmpty()) {
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (ObjectNode p : platforms) {
                futures.add(pool.submit(() -> {
                    Params.Manifest m =
                        Params.manifest(c, repo, p.path("digest").asText(), RegistryClient.MANIFEST_ACCEPT);
                    ObjectNode add = Params.obj();
                    if (withLayers) {
                        add.set("layers", layers(m.json()));
                    }
                    if (withConfig) {
                        add.set("config", summary(fetchConfig(c, repo, m.json())));
                    }
                    synchronized (p) {
                        p.setAll(add);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ActionException ae) {
                        throw ae;
                    }
                    throw new ActionException(ErrorType.INTERNAL, "inspect failed: " + e.getCause());
                }
            }
        }
    }

    private static JsonNode fetchConfig(RegistryClient c, String repo, JsonNode manifest) {
        String digest = manifest.path("config").path("digest").asText("");
        if (digest.isEmpty()) {
            throw new ActionException(ErrorType.UPSTREAM, "manifest has no config descriptor");
        }
        RegistryResponse r = c.send(RegistryRequest.builder("GET", repo).path("blobs/" + digest).build());
        Blobs.checkDigest(r.body(), digest);
        return r.json();
    }

    private static ArrayNode layers(JsonNode manifest) {
        ArrayNode out = Params.MAPPER.createArrayNode();
        manifest.path("layers").forEach(l -> out.add(Params.descriptor(l)));
        return out;
    }

    /** The parts of a config a person reads first. */
    private static ObjectNode summary(JsonNode config) {
        ObjectNode s = Params.obj();
        s.put("platform", Params.platformOf(config));
        if (config.hasNonNull("created")) {
            s.put("created", config.get("created").asText());
        }
        JsonNode cfg = config.path("config");
        for (String k : new String[] {"Env", "Entrypoint", "Cmd", "WorkingDir", "User", "ExposedPorts", "Labels"}) {
            if (cfg.hasNonNull(k) && !(cfg.get(k).isContainerNode() && cfg.get(k).isEmpty())) {
                s.set(k, cfg.get(k));
            }
        }
        s.put("layers", config.path("rootfs").path("diff_ids").size());
        return s;
    }
}
