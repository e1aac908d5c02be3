package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

/**
 * {@code delete_manifest}: DELETE /v2/{repo}/manifests/{digest}. A tag is first resolved to its digest (HEAD), as
 * registries delete by digest; every tag pointing at that manifest goes with it. Docker Hub refuses with 405
 * (delete tags through the Hub API instead). The manifest is read first: when it has a {@code subject} and the
 * registry has no referrers API, its descriptor is removed from the subject's referrers tag index afterwards.
 */
final class DeleteManifest {
    static final Action ACTION = Action.builder("delete_manifest")
        .description("Deletes a manifest by digest (a tag is resolved to its digest first); every tag pointing at it "
            + "disappears too. Irreversible. Docker Hub answers 405 here: delete tags with the Hub repository tools.")
        .input(Schema.object()
            .required("repository", Params.repository())
            .required("reference", Params.reference()))
        .output(Schema.object()
            .required("deleted", Schema.string("Digest deleted"))
            .optional("resolved_from", Schema.string("The tag that was resolved"))
            .optional("referrers", Schema.objectProp("For a manifest with a subject: {subject, maintained_by: registry | "
                + "client, tag, action: removed | not_listed | absent | skipped | failed, reason}")))
        .effect(Effect.DESTRUCTIVE)
        .handler(DeleteManifest::handle)
        .build();

    private DeleteManifest() {
    }

    static Result handle(Arguments args, ActionContext ctx) {
        String repo = Params.repository(args);
        String ref = args.string("reference");
        String digest = ref;
        if (!Params.isDigest(ref)) {
            RegistryResponse head = ctx.registry().send(RegistryRequest.builder("HEAD", repo)
                .path("manifests/" + ref).build());
            digest = head.header("docker-content-digest").orElseThrow(() -> new ActionException(ErrorType.UPSTREAM,
                "the registry gave no digest for tag " + ref + "; delete by digest instead"));
        }
        // its subject, if any, to keep the referrers tag index in step (same token as the delete); the delete
        // itself reports any failure
        String subject = null;
        try {
            RegistryResponse before = ctx.registry().send(RegistryRequest.builder("GET", repo)
                .path("manifests/" + digest).actions("pull,push,delete").accepting(404).build());
            if (before.status() == 200) {
                subject = ReferrersTag.subjectOf(Params.MAPPER.readTree(before.body()));
            }
        } catch (ActionException | java.io.IOException e) {
            subject = null; // unreadable: no subject to maintain
        }
        RegistryResponse r = ctx.registry().send(RegistryRequest.builder("DELETE", repo)
            .path("manifests/" + digest).actions("pull,push,delete").build());
        ObjectNode data = Params.obj();
        data.put("repository", repo);
        data.put("deleted", digest);
        if (!Params.isDigest(ref)) {
            data.put("resolved_from", ref);
        }
        if (subject == null) {
            return Result.ok(r.status(), data);
        }
        ObjectNode referrers;
        if (ReferrersTag.registryHasReferrersApi(ctx.registry(), repo, subject)) {
            referrers = Params.obj();
            referrers.put("subject", subject);
            referrers.put("maintained_by", "registry");
        } else {
            referrers = ReferrersTag.remove(ctx.registry(), repo, subject, digest);
            referrers.put("maintained_by", "client");
        }
        data.set("referrers", referrers);
        Result result = Result.ok(r.status(), data);
        if (referrers.has("reason")) {
            result = result.withWarning("the manifest was deleted, but the referrers tag "
                + referrers.path("tag").asText() + " was not updated: " + referrers.path("reason").asText());
        }
        return result;
    }
}
