package dev.dockerhubmcp.api.registry;

import dev.dockerhubmcp.api.ActionException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** Content digests ({@code sha256:<hex>}, {@code sha512:<hex>}): validation, hashing, formatting. */
public final class Digests {
    private Digests() {
    }

    private static final java.util.regex.Pattern VALID = java.util.regex.Pattern.compile(
        dev.dockerhubmcp.api.Patterns.DIGEST);

    /**
     * Refuses (validation error) a digest that is not {@code sha256:} with 64 or {@code sha512:} with 128 lowercase
     * hex characters, naming {@code field}; returns the digest.
     */
    public static String require(String field, String digest) {
        if (digest == null || !VALID.matcher(digest).matches()) {
            String got = digest == null ? "nothing" : "'" + (digest.length() > 80 ? digest.substring(0, 79) + "…"
                : digest) + "'";
            throw ActionException.validation("'" + field + "' must be a digest: sha256: and 64, or sha512: and 128, "
                + "lowercase hex characters (got " + got + ")");
        }
        return digest;
    }

    /** A fresh MessageDigest for a digest's algorithm ({@code sha256}, {@code sha512}); validation error otherwise. */
    public static MessageDigest digester(String digestOrAlgorithm) {
        requireNonNull(digestOrAlgorithm, "digestOrAlgorithm is null");
        int colon = digestOrAlgorithm.indexOf(':');
        String alg = (colon < 0 ? digestOrAlgorithm : digestOrAlgorithm.substring(0, colon)).toLowerCase(Locale.ROOT);
        String jca = switch (alg) {
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> throw ActionException.validation("unsupported digest algorithm '"
                + (alg.length() > 40 ? alg.substring(0, 39) + "…" : alg) + "' (sha256, sha512)");
        };
        try {
            return MessageDigest.getInstance(jca);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca + " missing from this JDK", e);
        }
    }

    public static String format(String algorithm, byte[] hash) {
        return algorithm + ":" + HexFormat.of().formatHex(hash);
    }

    public static String sha256(byte[] bytes) {
        return format("sha256", digester("sha256").digest(bytes));
    }

    public static String algorithm(String digest) {
        int colon = digest.indexOf(':');
        return colon < 0 ? digest : digest.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
