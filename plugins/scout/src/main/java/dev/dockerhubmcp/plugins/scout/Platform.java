package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * An image platform as users write it ({@code linux/amd64}, {@code linux/arm64/v8}) and as Scout takes it
 * ({@code ImagePlatform {os, architecture, variant}}).
 *
 * @param os           operating system
 * @param architecture CPU architecture
 * @param variant      CPU variant, or null
 */
public record Platform(String os, String architecture, String variant) {
    /** The grammar of the {@code platform} argument. */
    public static final String PATTERN = "^[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?$";
    private static final Pattern GRAMMAR = Pattern.compile("^([a-z0-9]+)/([a-z0-9_]+)(?:/([a-z0-9]+))?$");
    public static final Platform DEFAULT = new Platform("linux", "amd64", null);

    public Platform {
        requireNonNull(os, "os is null");
        requireNonNull(architecture, "architecture is null");
    }

    public static Platform parse(String text) {
        Matcher m = GRAMMAR.matcher(requireNonNull(text, "text is null").trim());
        if (!m.matches()) {
            throw ActionException.validation("'platform' must look like os/architecture[/variant], e.g. linux/amd64: '"
                + text + "'");
        }
        return new Platform(m.group(1), m.group(2), m.group(3));
    }

    /** Reads an OCI index entry's {@code platform} object; null when absent. */
    public static Platform fromIndexEntry(JsonNode platform) {
        if (platform == null || !platform.hasNonNull("os") || !platform.hasNonNull("architecture")) {
            return null;
        }
        String variant = platform.path("variant").asText("");
        return new Platform(platform.get("os").asText(), platform.get("architecture").asText(),
            variant.isEmpty() ? null : variant);
    }

    /** Scout's {@code ImagePlatform} input. */
    public ObjectNode toVariable() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("os", os);
        n.put("architecture", architecture);
        if (variant != null) {
            n.put("variant", variant);
        }
        return n;
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
