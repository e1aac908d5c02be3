package dev.dockerhubmcp.plugins.scout;

import java.util.Arrays;
import java.util.Locale;

/** Scout's {@code CVSSSeverity}, most severe first. */
enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, UNSPECIFIED;

    /** Lowercase name used in arguments and answers. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String[] wireNames() {
        return Arrays.stream(values()).map(Severity::wire).toArray(String[]::new);
    }

    /** Parses Scout's value; null or unknown is UNSPECIFIED. */
    static Severity of(String value) {
        if (value == null) {
            return UNSPECIFIED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNSPECIFIED;
        }
    }
}
