package dev.dockerhubmcp.api;

import com.fasterxml.jackson.databind.JsonNode;

import static java.util.Objects.requireNonNull;

/**
 * A failure as the caller sees it: {@code {error: {type, message, status_code?, retry_after?, details?}}}.
 *
 * @param type       the error type
 * @param message    what went wrong and, where possible, what to do about it
 * @param statusCode the upstream HTTP status, or null when no upstream answered
 * @param retryAfter seconds to wait before trying again, or null
 * @param details    upstream error details (registry {@code errors[]}, SCIM {@code scimType}, …), or null
 */
public record ActionError(ErrorType type, String message, Integer statusCode, Long retryAfter, JsonNode details) {
    public ActionError {
        requireNonNull(type, "type is null");
        requireNonNull(message, "message is null");
    }

    public static ActionError of(ErrorType type, String message) {
        return new ActionError(type, message, null, null, null);
    }

    public static ActionError validation(String message) {
        return of(ErrorType.VALIDATION, message);
    }

    public ActionError withDetails(JsonNode newDetails) {
        return new ActionError(type, message, statusCode, retryAfter, newDetails);
    }
}
