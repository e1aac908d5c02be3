package dev.dockerhubmcp.plugins.scout;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One GraphQL operation the plugin sends to Docker Scout: a named constant per query, kept beside the action that
 * uses it. Every instance is validated against the Scout schema by the plugin's tests.
 *
 * @param name the operation name (the text must declare {@code query <name>})
 * @param text the GraphQL document
 */
public record ScoutQuery(String name, String text) {
    private static final Pattern NAME = Pattern.compile("^Scout[A-Za-z]+$");

    public ScoutQuery {
        requireNonNull(name, "name is null");
        requireNonNull(text, "text is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("query name must look like ScoutSomething: " + name);
        }
        if (!text.contains("query " + name + "(") && !text.contains("query " + name + " ")) {
            throw new IllegalArgumentException("query text must declare operation " + name);
        }
    }

    public static ScoutQuery of(String name, String text) {
        return new ScoutQuery(name, text.strip());
    }

    /** The same operation with fragments appended (each fragment text as written). */
    public ScoutQuery with(String... fragments) {
        StringBuilder sb = new StringBuilder(text);
        for (String f : fragments) {
            sb.append('\n').append(f.strip());
        }
        return new ScoutQuery(name, sb.toString());
    }
}
