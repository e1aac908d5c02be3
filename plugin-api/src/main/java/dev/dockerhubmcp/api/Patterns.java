package dev.dockerhubmcp.api;

/**
 * Grammar shared by plugins and clients. Path segments are always checked against these before a request is
 * built, so no input can reach another path.
 */
public final class Patterns {
    private Patterns() {
    }

    /** Docker Hub namespace (user or organization): 2–255 of lowercase letters, digits, '-', '_' (Hub allows 4+ for new accounts, older ones are shorter). */
    public static final String NAMESPACE = "^[a-z0-9](?:[a-z0-9_-]{0,253}[a-z0-9])?$";
    /** Hub repository name (spec: 2–255, {@code [a-z0-9]+(?:[._-][a-z0-9]+)*}). */
    public static final String REPOSITORY = "^[a-z0-9]+(?:[._-][a-z0-9]+)*$";
    /** OCI tag grammar. */
    public static final String TAG = "^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$";
    /**
     * OCI digest with a registered algorithm: {@code sha256:} and 64, or {@code sha512:} and 128, lowercase hex
     * characters; other algorithms are refused.
     */
    public static final String DIGEST = "^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$";
    /** sha256 digest, the one every registry speaks. */
    public static final String SHA256_DIGEST = "^sha256:[a-f0-9]{64}$";
    /** OCI repository name (path components separated by '/'). */
    public static final String OCI_NAME = "^[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*$";
    /** UUID (access tokens). */
    public static final String UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    /** A Docker ID (username). */
    public static final String USERNAME = "^[a-z0-9](?:[a-z0-9_.-]{0,253}[a-z0-9])?$";
}
