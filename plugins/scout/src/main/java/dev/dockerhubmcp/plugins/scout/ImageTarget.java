package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.registry.ImageReference;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * An image resolved for Scout: the registry digest its reference points at and, for a multi-arch index, the digest of
 * the platform's image manifest. Scout analyzes single-platform images, so digest queries send {@link #imageDigest()};
 * tag-history queries use {@link #referenceDigest()} (what a tag points at).
 *
 * <p>Cost: one registry {@code HEAD manifests/<tag or digest>} (no pull is counted); for a multi-arch image, one
 * {@code GET} of the index (Docker Hub counts a manifest GET as a pull) to find the platform's child manifest.
 *
 * @param image           the reference as given
 * @param repository      normalized repository ({@code library/nginx})
 * @param tag             the tag given, or null
 * @param referenceDigest the digest the reference points at (an index digest for a multi-arch tag)
 * @param imageDigest     the single-platform image manifest digest
 * @param platform        the platform chosen from the index, or null for a single-platform image
 * @param mediaType       the media type of the manifest at {@code referenceDigest}, or null when not reported
 */
record ImageTarget(String image, String repository, String tag, String referenceDigest, String imageDigest,
                   Platform platform, String mediaType) {
    static final Set<String> INDEX_TYPES = Set.of("application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json");

    ImageTarget {
        requireNonNull(image, "image is null");
        requireNonNull(repository, "repository is null");
        requireNonNull(referenceDigest, "referenceDigest is null");
        requireNonNull(imageDigest, "imageDigest is null");
    }

    boolean multiArch() {
        return !referenceDigest.equals(imageDigest);
    }

    /** Repository name as Scout writes it ({@code nginx}, {@code myorg/app}). */
    String scoutRepository() {
        return Params.familiarName(repository);
    }

    /** What answers show about the image. */
    ObjectNode toJson() {
        ObjectNode n = Params.NODES.objectNode();
        n.put("image", image);
        n.put("repository", scoutRepository());
        if (tag != null) {
            n.put("tag", tag);
        }
        n.put("digest", imageDigest);
        if (multiArch()) {
            n.put("index_digest", referenceDigest);
            n.put("platform", platform.toString());
        }
        return n;
    }

    /** The platform the arguments ask for ({@code platform}, default linux/amd64). */
    static Platform platform(Arguments args) {
        return Platform.parse(args.string("platform", "linux/amd64"));
    }

    /** The image the arguments name ({@code image}, {@code platform}), resolved through the registry. */
    static ImageTarget of(ActionContext ctx, Arguments args) {
        return resolve(ctx, "image", args.string("image"), platform(args));
    }

    /**
     * Parses {@code args[field]} and resolves it through the registry.
     *
     * @param field    the argument name (for error messages)
     * @param platform the platform to pick from an index
     */
    static ImageTarget resolve(ActionContext ctx, String field, String imageArg, Platform platform) {
        return resolve(ctx, imageArg, parse(field, imageArg), platform);
    }

    /** Parses a reference argument; a bad one is a validation error naming {@code field}. */
    static ImageReference parse(String field, String imageArg) {
        try {
            return ImageReference.parse(imageArg);
        } catch (ActionException e) {
            throw ActionException.validation("'" + field + "' is not a valid image reference: " + e.getMessage());
        }
    }

    /** Resolves a parsed reference through the registry. */
    static ImageTarget resolve(ActionContext ctx, String imageArg, ImageReference ref, Platform platform) {
        RegistryClient registry = ctx.registry();
        RegistryResponse head = registry.send(RegistryRequest.builder("HEAD", ref.repository())
            .path("manifests/" + ref.reference()).header("Accept", RegistryClient.MANIFEST_ACCEPT).build());
        String digest = head.header("Docker-Content-Digest").map(String::trim).filter(s -> !s.isEmpty())
            .orElse(ref.digest());
        String mediaType = head.header("Content-Type").map(ImageTarget::bareType).orElse(null);
        JsonNode manifest = null;
        if (digest == null || mediaType == null || INDEX_TYPES.contains(mediaType)) {
            // The HEAD did not say enough (no digest, no type) or the reference is an index: read the manifest once.
            String target = digest != null ? digest : ref.reference();
            RegistryResponse get = registry.send(RegistryRequest.builder("GET", ref.repository())
                .path("manifests/" + target).header("Accept", RegistryClient.MANIFEST_ACCEPT).build());
            manifest = get.json();
            if (digest == null) {
                digest = get.header("Docker-Content-Digest").map(String::trim).filter(s -> !s.isEmpty())
                    .orElseGet(() -> sha256(get.body()));
            }
            String bodyType = manifest.path("mediaType").asText("");
            if (!bodyType.isEmpty()) {
                mediaType = bodyType;
            } else if (mediaType == null) {
                mediaType = get.header("Content-Type").map(ImageTarget::bareType).orElse(null);
            }
            if (mediaType == null && manifest.has("manifests")) {
                mediaType = "application/vnd.oci.image.index.v1+json";
            }
        }
        if (mediaType != null && INDEX_TYPES.contains(mediaType)) {
            Child child = childFor(manifest, platform == null ? Platform.DEFAULT : platform, imageArg);
            return new ImageTarget(imageArg, ref.repository(), ref.tag(), digest, child.digest(), child.platform(),
                mediaType);
        }
        return new ImageTarget(imageArg, ref.repository(), ref.tag(), digest, digest, null, mediaType);
    }

    /** An index entry: its digest and its platform as the index states it. */
    record Child(String digest, Platform platform) {
    }

    /**
     * The index entry for {@code wanted}; attestation entries ({@code unknown/unknown}) never match. Without a wanted
     * variant, an entry without variant is preferred, else the first with any variant ({@code linux/arm64} finds
     * {@code linux/arm64/v8}).
     */
    static Child childFor(JsonNode index, Platform wanted, String image) {
        List<String> available = new ArrayList<>();
        Child loose = null;
        for (JsonNode m : index.path("manifests")) {
            Platform p = Platform.fromIndexEntry(m.get("platform"));
            if (p == null || "unknown".equals(p.os())) {
                continue;
            }
            available.add(p.toString());
            if (!p.os().equals(wanted.os()) || !p.architecture().equals(wanted.architecture())) {
                continue;
            }
            String digest = m.path("digest").asText("");
            if (digest.isEmpty()) {
                continue;
            }
            if (wanted.variant() != null) {
                if (wanted.variant().equals(p.variant())) {
                    return new Child(digest, p);
                }
            } else if (p.variant() == null) {
                return new Child(digest, p);
            } else if (loose == null) {
                loose = new Child(digest, p);
            }
        }
        if (loose != null) {
            return loose;
        }
        throw new ActionException(ErrorType.NOT_FOUND, "'platform' " + wanted + " is not in the index of " + image
            + "; available: " + (available.isEmpty() ? "none" : String.join(", ", available)));
    }

    private static String bareType(String contentType) {
        int semi = contentType.indexOf(';');
        String t = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    private static String sha256(byte[] body) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
