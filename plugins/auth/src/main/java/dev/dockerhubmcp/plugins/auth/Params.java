package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Schema;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Argument schemas and small helpers the token actions share. */
final class Params {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Params() {
    }

    static Schema.Prop page() {
        return Schema.integer("Page number, from 1 (default 1)").min(1).max(100_000);
    }

    static Schema.Prop pageSize() {
        return Schema.integer("Items per page, 1-100 (default 10)").min(1).max(100);
    }

    static Schema.Prop uuid(String what) {
        return Schema.string(what).pattern(Patterns.UUID);
    }

    static Schema.Prop org() {
        return Schema.string("Organization name (namespace)").minLength(2).maxLength(255).pattern(Patterns.NAMESPACE);
    }

    static Schema.Prop expiresAt() {
        return Schema.string("Expiry, ISO 8601 with a zone, in the future, e.g. 2026-12-31T23:59:59Z; omit for a "
            + "token that never expires").format("date-time").maxLength(40);
    }

    static Schema.Prop verbose() {
        return Schema.bool("Return the raw Docker Hub record instead of the compact one");
    }

    /** Checks an expiry: a parseable ISO 8601 date-time with a zone, later than now; returns it normalised (UTC). */
    static String futureInstant(String field, String value, Clock clock) {
        Instant at;
        try {
            at = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ActionException.validation("'" + field + "' must be an ISO 8601 date-time with a zone, e.g. "
                + "2026-12-31T23:59:59Z (got '" + value + "')");
        }
        if (!at.isAfter(clock.instant())) {
            throw ActionException.validation("'" + field + "' must be in the future (got '" + value + "')");
        }
        return at.toString();
    }

    static void copy(JsonNode from, String field, ObjectNode to) {
        JsonNode v = from.get(field);
        if (v != null && !v.isNull() && !v.isMissingNode()) {
            to.set(field, v);
        }
    }

    /** The page number in a {@code next} link, or null. */
    static Integer nextPage(JsonNode next) {
        if (next == null || !next.isTextual() || next.asText().isBlank()) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]page=(\\d+)").matcher(next.asText());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
