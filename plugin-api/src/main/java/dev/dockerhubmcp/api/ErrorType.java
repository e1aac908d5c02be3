package dev.dockerhubmcp.api;

import java.util.Locale;

/** The one vocabulary of error types every result uses (docs/ARCHITECTURE.md). */
public enum ErrorType {
    VALIDATION,
    NOT_FOUND,
    UNAUTHORIZED,
    FORBIDDEN,
    RATE_LIMITED,
    DESTRUCTIVE_REFUSED,
    READ_ONLY,
    CONFLICT,
    UPSTREAM,
    NETWORK,
    TIMEOUT,
    INTERNAL;

    /** The name on the wire: {@code not_found}, {@code rate_limited}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The usual type for an upstream HTTP status. */
    public static ErrorType forStatus(int status) {
        return switch (status) {
            case 400, 422 -> VALIDATION;
            case 401 -> UNAUTHORIZED;
            case 402, 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 429 -> RATE_LIMITED;
            case 408, 504 -> TIMEOUT;
            default -> UPSTREAM;
        };
    }
}
