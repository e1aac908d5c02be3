package dev.dockerhubmcp.api.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets inside the process: values under secret-looking keys and values that look like secrets (JWTs,
 * {@code dckr_pat_…}, {@code dckr_oat_…}, Basic/Bearer credentials) are replaced by {@value #MARK}, in results,
 * errors and log lines. The one exception — a freshly created token shown once — is passed as a JSON pointer.
 */
public final class Redactor {
    public static final String MARK = "[REDACTED]";

    private static final Set<String> SECRET_KEYS = Set.of("token", "access_token", "refresh_token", "id_token", "jwt",
        "password", "secret", "login_2fa_token", "client_secret", "authorization", "auth", "identitytoken",
        "registrytoken", "scim_token", "x-registry-auth");

    private static final Pattern SECRET_VALUES = Pattern.compile(
        "eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"
            + "|dckr_(?:pat|oat)_[A-Za-z0-9_-]+"
            + "|(?i:basic)\\s+[A-Za-z0-9+/]{8,}={0,2}"
            + "|(?i:bearer)\\s+[A-Za-z0-9._~+/-]{8,}=*");

    private Redactor() {
    }

    /** True when the key names a secret. */
    public static boolean secretKey(String key) {
        return key != null && SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    /** Redacts secret-looking substrings of a text (log lines, error messages). */
    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        return SECRET_VALUES.matcher(s).replaceAll(m -> {
            String v = m.group();
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.startsWith("basic")) {
                return "Basic " + MARK;
            }
            if (lower.startsWith("bearer")) {
                return "Bearer " + MARK;
            }
            return MARK;
        });
    }

    /** A redacted deep copy of a JSON tree. */
    public static JsonNode json(JsonNode node) {
        return json(node, null);
    }

    /**
     * A redacted deep copy, leaving the value at {@code revealPointer} (e.g. {@code /data/token}) as it is.
     */
    public static JsonNode json(JsonNode node, String revealPointer) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        return walk(copy, "", revealPointer);
    }

    private static JsonNode walk(JsonNode node, String pointer, String reveal) {
        if (reveal != null && reveal.equals(pointer)) {
            return node;
        }
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                if (reveal != null && reveal.equals(child)) {
                    continue;
                }
                JsonNode v = e.getValue();
                if (secretKey(e.getKey()) && v.isValueNode() && !v.isNull() && !v.isBoolean()
                    && !(v.isTextual() && v.asText().isEmpty())) {
                    e.setValue(TextNode.valueOf(MARK));
                } else {
                    e.setValue(walk(v, child, reveal));
                }
            }
            return obj;
        }
        if (node.isArray()) {
            ArrayNode arr = (ArrayNode) node;
            for (int i = 0; i < arr.size(); i++) {
                arr.set(i, walk(arr.get(i), pointer + "/" + i, reveal));
            }
            return arr;
        }
        if (node.isTextual()) {
            String t = node.asText();
            String r = text(t);
            return r.equals(t) ? node : TextNode.valueOf(r);
        }
        return node;
    }
}
