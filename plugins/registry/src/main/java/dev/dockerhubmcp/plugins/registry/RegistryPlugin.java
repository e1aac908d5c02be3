package dev.dockerhubmcp.plugins.registry;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;

import java.util.List;

/**
 * {@code hub_registry} ({@code REGISTRYTOOL}): the Registry HTTP API v2 / OCI distribution — tags, manifests,
 * digests, platforms, configs, blobs, referrers, uploads, mounts and deletes — through the shared registry client.
 */
@org.pf4j.Extension
public final class RegistryPlugin implements DockerHubPlugin {

    @Override
    public String id() {
        return "registry";
    }

    @Override
    public String description() {
        return "Docker Registry HTTP API v2 / OCI distribution: tags, manifests, digests, platforms, image configs, "
            + "blobs, referrers; uploads, mounts and deletes (destructive, gated).";
    }

    @Override
    public List<Action> actions() {
        return List.of(
            ApiVersion.ACTION,
            ListTags.ACTION,
            GetManifest.ACTION,
            CheckManifest.ACTION,
            ResolveDigest.ACTION,
            ListPlatforms.ACTION,
            GetConfig.ACTION,
            Inspect.ACTION,
            GetBlob.ACTION,
            CheckBlob.ACTION,
            ListReferrers.ACTION,
            StartUpload.ACTION,
            UploadChunk.ACTION,
            CompleteUpload.ACTION,
            MountBlob.ACTION,
            PutManifest.ACTION,
            DeleteManifest.ACTION,
            DeleteBlob.ACTION,
            PushBlob.ACTION);
    }
}
