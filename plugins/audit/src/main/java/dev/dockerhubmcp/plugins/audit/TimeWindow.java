package dev.dockerhubmcp.plugins.audit;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * The audit log's {@code from}/{@code to}: the spec types them {@code format: date-time} (RFC 3339), so what a
 * caller gives (a date, a date-time with or without offset) is sent as a UTC instant, e.g.
 * {@code 2024-05-01T00:00:00Z}. A bare date means the start of that day (UTC) for {@code from} and its last
 * nanosecond for {@code to} ({@code 23:59:59.999999999Z}), so {@code from=to=2024-05-01} covers the whole day
 * whether the Hub takes {@code to} as inclusive or exclusive (the spec does not say). A date-time without offset is
 * taken as UTC.
 */
final class TimeWindow {
    /** ISO-8601 date, or date-time with optional seconds, fraction and offset. */
    static final String PATTERN =
        "^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})?)?$";

    private TimeWindow() {
    }

    static Schema.Prop prop(String description) {
        return Schema.string(description).pattern(PATTERN);
    }

    /** The instant a {@code from} (start of day) or {@code to} (end of day) argument names. */
    static Instant parse(String field, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.atTime(LocalTime.MAX) : day.atStartOfDay()).toInstant(ZoneOffset.UTC);
            }
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(value.replace(' ', 'T'),
                OffsetDateTime::from, LocalDateTime::from);
            return t instanceof OffsetDateTime odt ? odt.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ActionException.validation("'" + field + "' is not a valid ISO-8601 date or date-time: '" + value
                + "' (e.g. 2024-05-01 or 2024-05-01T13:00:00Z)");
        }
    }

    /** RFC 3339 in UTC, as the spec's {@code date-time} wants. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
