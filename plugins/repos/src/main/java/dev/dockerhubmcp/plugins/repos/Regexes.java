package dev.dockerhubmcp.plugins.repos;

import dev.dockerhubmcp.api.ActionException;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks immutable-tag rules before they are sent: each must be a regular expression that compiles. */
final class Regexes {
    private Regexes() {
    }

    static void check(String field, String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw ActionException.validation("'" + field + "' is not a valid regular expression: "
                + e.getDescription() + " near index " + e.getIndex() + " (got '" + regex + "')");
        }
    }
}
