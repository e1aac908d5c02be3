package dev.dockerhubmcp.api.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets inside the process: values under secret-looking keys and values that look like secrets (JWTs,
 * {@code dckr_pat_…}, {@code dckr_oat_…}, Basic/Bearer credentials) are replaced by {@value #MARK}, in results,
 * errors and log lines. The one exception — a freshly created token shown once — is passed as a JSON pointer.
 */
public final class Redactor {
    public static final String MARK = "[REDACTED]";

    /** Secret key names, compared lowercase with '_' and '-' removed ({@code access_token} = {@code accessToken}). */
    private static final Set<String> SECRET_KEYS = Set.of("token", "accesstoken", "refreshtoken", "idtoken", "jwt",
        "password", "passwd", "secret", "clientsecret", "login2fatoken", "authorization", "proxyauthorization", "auth",
        "identitytoken", "registrytoken", "scimtoken", "xregistryauth", "cookie", "setcookie", "apikey", "privatekey");

    private static final Pattern SECRET_VALUES = Pattern.compile(
        "eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"
            + "|dckr_(?:pat|oat)_[A-Za-z0-9_-]+"
            + "|(?i:basic)\\s+([A-Za-z0-9+/]{8,}={0,2})"
            + "|(?i:bearer)\\s+([A-Za-z0-9._~+/-]{8,}=*)");

    /** {@code "secret": "…"} inside a text (a quoted request or config file). */
    private static final Pattern JSON_PAIRS = Pattern.compile(
        "\"([A-Za-z0-9_-]{2,40})\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** {@code password=…} in a query string or a log line. */
    private static final Pattern KEY_VALUES = Pattern.compile("(?<![A-Za-z0-9_-])([A-Za-z][A-Za-z0-9_-]{1,40})=");

    private static final Pattern PLAIN_WORD = Pattern.compile("[a-z]+");

    private Redactor() {
    }

    /** True when the key names a secret ({@code token}, {@code access_token}, {@code Authorization}, …). */
    public static boolean secretKey(String key) {
        return key != null && SECRET_KEYS.contains(normalize(key));
    }

    private static String normalize(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * Redacts secret-looking parts of a text (log lines, error messages, warnings, header values): JWTs,
     * {@code dckr_pat_…}/{@code dckr_oat_…}, Basic/Bearer credentials, and the values of secret keys written as
     * {@code "key": "value"} or {@code key=value}.
     */
    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String out = JSON_PAIRS.matcher(s).replaceAll(m -> secretKey(m.group(1)) && !m.group(3).isEmpty()
            ? Matcher.quoteReplacement("\"" + m.group(1) + "\"" + m.group(2) + "\"" + MARK + "\"")
            : Matcher.quoteReplacement(m.group()));
        out = keyValues(out);
        return SECRET_VALUES.matcher(out).replaceAll(m -> {
            String v = m.group();
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.startsWith("basic") || lower.startsWith("bearer")) {
                String credential = m.group(1) != null ? m.group(1) : m.group(2);
                if (PLAIN_WORD.matcher(credential).matches()) {
                    return Matcher.quoteReplacement(v); // "Basic authentication", "Bearer realm": prose, not a secret
                }
                return lower.startsWith("basic") ? "Basic " + Matcher.quoteReplacement(MARK)
                    : "Bearer " + Matcher.quoteReplacement(MARK);
            }
            return Matcher.quoteReplacement(MARK);
        });
    }

    /** Replaces the value after {@code secretkey=} up to the next separator; other keys consume nothing. */
    private static String keyValues(String s) {
        Matcher m = KEY_VALUES.matcher(s);
        StringBuilder sb = null;
        int copied = 0;
        while (m.find()) {
            if (!secretKey(m.group(1))) {
                continue;
            }
            int end = m.end();
            while (end < s.length() && "&\"',; \t\r\n".indexOf(s.charAt(end)) < 0) {
                end++;
            }
            if (end == m.end() || s.startsWith(MARK, m.end())) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length());
            }
            sb.append(s, copied, m.end()).append(MARK);
            copied = end;
            m.region(end, s.length());
        }
        if (sb == null) {
            return s;
        }
        return sb.append(s, copied, s.length()).toString();
    }

    /** A redacted deep copy of a JSON tree. */
    public static JsonNode json(JsonNode node) {
        return json(node, null);
    }

    /**
     * A redacted deep copy, leaving the text value at {@code revealPointer} (e.g. {@code /token}) as it is. A pointer
     * that does not name a text value reveals nothing.
     */
    public static JsonNode json(JsonNode node, String revealPointer) {
        if (node == null) {
            return null;
        }
        String reveal = revealPointer;
        if (reveal != null && (reveal.isEmpty() || !reveal.startsWith("/") || !node.at(reveal).isTextual())) {
            reveal = null; // only one text value may be revealed, never a whole object
        }
        JsonNode copy = node.deepCopy();
        return walk(copy, "", reveal);
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
