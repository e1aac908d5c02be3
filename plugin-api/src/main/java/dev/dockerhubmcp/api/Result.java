package dev.dockerhubmcp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What an action answers. The host wraps it in the envelope {@code {status_code, data, rate_limit, headers?,
 * exists?, warnings?}} (or {@code {error: …}} with {@code isError: true}) and redacts secrets on the way out.
 *
 * @param statusCode     the upstream status (200 when the action made no call)
 * @param data           the answer's payload (compact by default)
 * @param headers        selected upstream headers (registry calls), may be empty
 * @param exists         for existence checks, else null
 * @param warnings       notes for the caller (partial data, fallbacks taken), may be empty
 * @param revealedSecret a JSON pointer into {@code data} whose value is a freshly created secret that must be shown
 *                       once (create_pat / create_oat); null otherwise. Everything else is redacted.
 * @param error          the failure, or null on success
 */
public record Result(int statusCode, JsonNode data, Map<String, String> headers, Boolean exists, List<String> warnings,
                     String revealedSecret, ActionError error) {
    public Result {
        data = data == null ? NullNode.getInstance() : data;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static Result ok(JsonNode data) {
        return new Result(200, data, null, null, null, null, null);
    }

    public static Result ok(int statusCode, JsonNode data) {
        return new Result(statusCode, data, null, null, null, null, null);
    }

    public static Result exists(int statusCode, boolean exists, JsonNode data) {
        return new Result(statusCode, data, null, exists, null, null, null);
    }

    public static Result error(ActionError error) {
        requireNonNull(error, "error is null");
        return new Result(error.statusCode() == null ? 0 : error.statusCode(), null, null, null, null, null, error);
    }

    public static Result error(ErrorType type, String message) {
        return error(ActionError.of(type, message));
    }

    public boolean isError() {
        return error != null;
    }

    public Optional<ActionError> failure() {
        return Optional.ofNullable(error);
    }

    public Result withHeaders(Map<String, String> newHeaders) {
        return new Result(statusCode, data, newHeaders, exists, warnings, revealedSecret, error);
    }

    public Result withWarnings(List<String> newWarnings) {
        return new Result(statusCode, data, headers, exists, newWarnings, revealedSecret, error);
    }

    public Result withWarning(String warning) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return withWarnings(all);
    }

    /** Marks the value at {@code pointer} (e.g. {@code /token}) inside data as the one secret shown. */
    public Result revealingSecretAt(String pointer) {
        return new Result(statusCode, data, headers, exists, warnings, pointer, error);
    }
}
