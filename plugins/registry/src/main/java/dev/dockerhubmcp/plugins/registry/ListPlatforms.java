package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

/**
 * {@code list_platforms}: the children of an index with their platform; BuildKit attestation manifests
 * ({@code unknown/unknown}, {@code vnd.docker.reference.type: attestation-manifest}) are listed apart with the
 * digest they attest. A single-manifest image reads its config blob for os/architecture.
 */
final class ListPlatforms {
    static final Action ACTION = Action.builder("list_platforms")
        .description("Lists the platforms (os/arch/variant) an image is built for, with each platform manifest's "
            + "digest; attestation manifests are reported separately. One request for a multi-arch index, two for a "
            + "single-platform image (its config is read).")
        .input(Schema.object()
            .required("repository", Params.repository())
            .optional("reference", Params.reference()))
        .output(Schema.object()
            .required("digest", Schema.string("Digest of the index or manifest"))
            .required("media_type", Schema.string("Its media type"))
            .required("multi_platform", Schema.bool("True for an index / manifest list"))
            .required("platforms", Schema.array(Schema.objectProp("{platform, digest, size, media_type}"), "Platforms"))
            .optional("attestations", Schema.array(Schema.objectProp("{digest, size, attests}"), "Attestations")))
        .effect(Effect.READ)
        .handler(ListPlatforms::handle)
        .build();

    private ListPlatforms() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        RegistryClient c = ctx.registry();
        String repo = Params.repository(args);
        Params.Manifest m = Params.manifest(c, repo, Params.reference(args), RegistryClient.MANIFEST_ACCEPT);
        ObjectNode data = Params.obj();
        data.put("digest", m.digest());
        data.put("media_type", m.mediaType());
        data.put("multi_platform", m.index());
        ArrayNode platforms = data.putArray("platforms");
        if (m.index()) {
            ArrayNode attestations = Params.MAPPER.createArrayNode();
            for (JsonNode d : m.json().path("manifests")) {
                if (Params.attestation(d)) {
                    ObjectNode a = attestations.addObject();
                    a.put("digest", d.path("digest").asText());
                    a.put("size", d.path("size").asLong());
                    a.put("attests", d.path("annotations").path("vnd.docker.reference.digest").asText(null));
                } else {
                    ObjectNode p = platforms.addObject();
                    p.put("platform", Params.platformOf(d.path("platform")));
                    p.setAll(Params.descriptor(d));
                }
            }
            if (!attestations.isEmpty()) {
                data.set("attestations", attestations);
            }
        } else {
            JsonNode config = m.json().path("config");
            RegistryResponse r = c.send(RegistryRequest.builder("GET", repo)
                .path("blobs/" + config.path("digest").asText()).build());
            Blobs.checkDigest(r.body(), config.path("digest").asText());
            ObjectNode p = platforms.addObject();
            p.put("platform", Params.platformOf(r.json()));
            p.put("digest", m.digest());
            p.put("media_type", m.mediaType());
            p.put("size", m.size());
        }
        return Result.ok(m.status(), data);
    }
}
