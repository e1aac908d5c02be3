package dev.dockerhubmcp.api.registry;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Patterns;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * An image reference as users write it ({@code nginx}, {@code docker.io/library/nginx:1.27},
 * {@code myorg/app@sha256:…}), normalized for Docker Hub: a single-component name gets {@code library/}, and a
 * {@code docker.io/}, {@code index.docker.io/} or {@code registry-1.docker.io/} prefix is stripped.
 *
 * @param repository normalized repository name
 * @param tag        tag, or null
 * @param digest     digest, or null
 */
public record ImageReference(String repository, String tag, String digest) {
    private static final Pattern NAME = Pattern.compile(Patterns.OCI_NAME);
    private static final Pattern TAG = Pattern.compile(Patterns.TAG);
    private static final Pattern DIGEST = Pattern.compile(Patterns.DIGEST);

    public ImageReference {
        requireNonNull(repository, "repository is null");
        if (!NAME.matcher(repository).matches() || repository.length() > 255) {
            throw ActionException.validation("'repository' is not a valid repository name: '" + repository
                + "' (lowercase letters, digits and separators . _ __ -, components joined by /)");
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw ActionException.validation("'tag' is not a valid tag: '" + tag
                + "' (letters, digits, _ . -, up to 128, not starting with . or -)");
        }
        if (digest != null && !DIGEST.matcher(digest).matches()) {
            throw ActionException.validation("'digest' is not a valid digest: '" + digest + "' (algorithm:hex)");
        }
    }

    /** Normalizes a repository name: strips a Docker Hub host prefix and adds {@code library/} to single names. */
    public static String normalizeRepository(String name) {
        requireNonNull(name, "name is null");
        String n = name.trim();
        for (String prefix : new String[] {"docker.io/", "index.docker.io/", "registry-1.docker.io/",
            "registry.hub.docker.com/"}) {
            if (n.startsWith(prefix)) {
                n = n.substring(prefix.length());
                break;
            }
        }
        if (!n.contains("/")) {
            n = "library/" + n;
        }
        return n;
    }

    /** Parses {@code name[:tag][@digest]}; the default tag is {@code latest} when neither is given. */
    public static ImageReference parse(String reference) {
        requireNonNull(reference, "reference is null");
        String ref = reference.trim();
        String digest = null;
        int at = ref.indexOf('@');
        if (at >= 0) {
            digest = ref.substring(at + 1);
            ref = ref.substring(0, at);
        }
        String tag = null;
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            tag = ref.substring(colon + 1);
            ref = ref.substring(0, colon);
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageReference(normalizeRepository(ref), tag, digest);
    }

    /** The digest when given, else the tag. */
    public String reference() {
        return digest != null ? digest : tag;
    }
}
