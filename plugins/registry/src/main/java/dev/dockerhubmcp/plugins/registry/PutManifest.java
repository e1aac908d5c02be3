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
import dev.dockerhubmcp.api.registry.Digests;
import dev.dockerhubmcp.api.registry.RegistryBody;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code put_manifest}: PUT /v2/{repo}/manifests/{ref} with {@code Content-Type} = the manifest's
 * {@code mediaType} (or {@code media_type}). A manifest given as text is sent byte for byte (its digest is over
 * those bytes); an object is sent as compact JSON. The registry's Docker-Content-Digest is checked against our own
 * sha256. A reference that is a digest must be that sha256. Referenced blobs must exist (MANIFEST_BLOB_UNKNOWN).
 * A manifest with a {@code subject} pushed to a registry that answers without {@code OCI-Subject} (no referrers API)
 * is added to the subject's referrers tag index ({@code <alg>-<hex>}), as the OCI spec asks of clients.
 */
final class PutManifest {
    static final Action ACTION = Action.builder("put_manifest")
        .description("Uploads a manifest or index under a tag or digest (PUT /v2/<repo>/manifests/<ref>); overwrites "
            + "a tag. Pass the manifest as JSON text to keep its exact bytes (and digest). Returns the digest the "
            + "registry computed, checked against a local sha256. Blobs it references must already be pushed.")
        .input(Schema.object()
            .required("repository", Params.repository())
            .required("reference", Params.reference())
            .required("manifest", Schema.string("The manifest: JSON text (sent byte for byte) or an object")
                .with("type", new String[] {"string", "object"}))
            .optional("media_type", Schema.string("Content-Type (default: the manifest's mediaType)")
                .pattern("^[a-zA-Z0-9.+/_-]+$")))
        .output(Schema.object()
            .required("digest", Schema.string("Digest the registry computed (= local sha256)"))
            .required("media_type", Schema.string("Content-Type sent"))
            .required("size", Schema.integer("Bytes sent"))
            .optional("referrers", Schema.objectProp("For a manifest with a subject: {subject, maintained_by: registry | "
                + "client, tag, action: added | already_listed | skipped | failed, reason}")))
        .effect(Effect.DESTRUCTIVE)
        .handler(PutManifest::handle)
        .build();

    private PutManifest() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        String ref = args.string("reference");
        JsonNode m = args.node("manifest");
        byte[] bytes;
        JsonNode parsed;
        try {
            if (m.isTextual()) {
                bytes = m.textValue().getBytes(StandardCharsets.UTF_8);
                parsed = Params.MAPPER.readTree(bytes);
            } else {
                bytes = Params.MAPPER.writeValueAsBytes(m);
                parsed = m;
            }
        } catch (IOException e) {
            throw ActionException.validation("'manifest' is not valid JSON: " + dev.dockerhubmcp.api.JsonNodes.problem(e));
        }
        if (parsed == null || !parsed.isObject()) {
            throw ActionException.validation("'manifest' must be a JSON object");
        }
        String mediaType = args.optString("media_type").orElse(parsed.path("mediaType").asText(null));
        if (mediaType == null || mediaType.isBlank()) {
            throw ActionException.validation("the manifest has no 'mediaType'; pass 'media_type'");
        }
        String local = Digests.sha256(bytes);
        if (Params.isDigest(ref) && !ref.equals(local)) {
            throw ActionException.validation("reference " + ref + " is not the sha256 of the manifest bytes ("
                + local + ")");
        }
        RegistryResponse r = ctx.registry().send(RegistryRequest.builder("PUT", repo).path("manifests/" + ref)
            .actions("pull,push").body(RegistryBody.of(bytes, mediaType)).build());
        String remote = r.header("docker-content-digest").orElse(local);
        if (!remote.equals(local)) {
            throw new ActionException(ErrorType.UPSTREAM, "the registry computed " + remote + " for the manifest but "
                + "its bytes hash to " + local + " (was it rewritten on the way?)");
        }
        ObjectNode data = Params.obj();
        data.put("repository", repo);
        data.put("reference", ref);
        data.put("digest", remote);
        data.put("media_type", mediaType);
        data.put("size", bytes.length);
        r.header("location").ifPresent(v -> data.put("location", v));
        String subject = ReferrersTag.subjectOf(parsed);
        if (subject == null) {
            return Result.ok(r.status(), data);
        }
        ObjectNode referrers;
        if (r.header("oci-subject").isPresent()) {
            referrers = Params.obj();
            referrers.put("subject", subject);
            referrers.put("maintained_by", "registry");
        } else {
            referrers = ReferrersTag.add(ctx.registry(), repo, subject,
                ReferrersTag.descriptor(parsed, mediaType, remote, bytes.length));
            referrers.put("maintained_by", "client");
        }
        data.set("referrers", referrers);
        Result result = Result.ok(r.status(), data);
        if (referrers.has("reason")) {
            result = result.withWarning("the manifest was pushed, but the referrers tag "
                + referrers.path("tag").asText() + " was not updated: " + referrers.path("reason").asText());
        }
        return result;
    }
}
