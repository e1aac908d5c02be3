package dev.dockerhubmcp.engine.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets inside the process: every secret the process knows ({@link #register registered} the moment it is
 * known: configured passwords and tokens, minted JWTs and their segments, registry tokens, Basic credentials), values
 * under secret-looking keys and values that look like secrets (JWTs, also cut short, {@code dckr_pat_…},
 * {@code dckr_oat_…}, Basic/Bearer credentials) are replaced by {@value #MARK}, in results, errors and log lines.
 * The one exception — a freshly created token shown once — is passed as a JSON pointer.
 *
 * <p>Values shorter than {@value #MIN_SECRET_LENGTH} characters are not redacted by value: they would match ordinary
 * text, and every secret Docker issues is far longer (such a short password is still redacted under its key and
 * inside Basic credentials).
 */
public final class Redactor {
    public static final String MARK = "[REDACTED]";

    /** The shortest value redacted wherever it appears. */
    public static final int MIN_SECRET_LENGTH = 8;

    /** Short-lived secrets (registry tokens, minted JWTs) kept for redaction; the oldest are forgotten first. */
    static final int MAX_TRANSIENT = 512;

    private static final Object LOCK = new Object();
    private static final Set<String> LASTING = new LinkedHashSet<>();
    private static final Map<String, Boolean> TRANSIENT = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_TRANSIENT;
        }
    };
    /** Longest first, so a secret containing another is replaced whole. */
    private static volatile List<String> known = List.of();

    /** Secret key names, compared lowercase with '_' and '-' removed ({@code access_token} = {@code accessToken}). */
    private static final Set<String> SECRET_KEYS = Set.of("token", "accesstoken", "refreshtoken", "idtoken", "jwt",
        "password", "passwd", "secret", "clientsecret", "login2fatoken", "authorization", "proxyauthorization", "auth",
        "identitytoken", "registrytoken", "scimtoken", "xregistryauth", "cookie", "setcookie", "apikey", "privatekey");

    private static final Pattern SECRET_VALUES = Pattern.compile(
        "eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}(?:\\.[A-Za-z0-9_-]*)?" // a JWT, or one cut after its payload
            + "|eyJ[A-Za-z0-9_-]{17,}" // a JWT cut inside its header or payload (base64 of '{"' and more)
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

    /**
     * Registers a secret for the life of the process (a configured password or token): from now on it is redacted
     * wherever it appears, also JSON-escaped, URL-encoded and base64-encoded. Values shorter than
     * {@value #MIN_SECRET_LENGTH} characters are ignored.
     */
    public static void register(String secret) {
        add(secret, false);
    }

    /** Registers a short-lived secret (a registry token); only the latest {@value #MAX_TRANSIENT} are kept. */
    public static void registerTransient(String secret) {
        add(secret, true);
    }

    /**
     * Registers a JWT, each of its dot-separated segments (header, payload, signature) and, as {@link #register}
     * does, its encodings.
     */
    public static void registerJwt(String jwt, boolean lasting) {
        if (jwt == null) {
            return;
        }
        add(jwt, !lasting);
        String[] segments = jwt.split("\\.");
        // the header ({"alg":"RS256","typ":"JWT"}) is shared by every token of its kind: not a secret
        for (int i = 1; i < segments.length; i++) {
            add(segments[i], !lasting);
        }
    }

    /**
     * Registers a login: the secret, and the Basic credential {@code base64(identifier:secret)} in its standard and
     * URL-safe alphabets, with and without padding.
     */
    public static void registerLogin(String identifier, String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            return;
        }
        register(secret);
        if (identifier != null) {
            byte[] pair = (identifier + ":" + secret).getBytes(StandardCharsets.UTF_8);
            register(Base64.getEncoder().encodeToString(pair));
            register(Base64.getUrlEncoder().encodeToString(pair));
        }
    }

    private static void add(String secret, boolean transientSecret) {
        if (secret == null) {
            return;
        }
        String s = secret.strip();
        if (s.length() < MIN_SECRET_LENGTH) {
            return;
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(s);
        forms.add(jsonEscaped(s));
        forms.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        forms.add(Base64.getEncoder().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().encodeToString(bytes));
        forms.add(stripPadding(Base64.getEncoder().encodeToString(bytes)));
        forms.add(stripPadding(Base64.getUrlEncoder().encodeToString(bytes)));
        synchronized (LOCK) {
            boolean changed = false;
            for (String f : forms) {
                if (f.length() < MIN_SECRET_LENGTH || LASTING.contains(f)) {
                    continue;
                }
                if (transientSecret) {
                    changed |= TRANSIENT.put(f, Boolean.TRUE) == null;
                } else {
                    TRANSIENT.remove(f);
                    changed |= LASTING.add(f);
                }
            }
            if (changed || TRANSIENT.size() + LASTING.size() != known.size()) {
                List<String> all = new ArrayList<>(LASTING);
                all.addAll(TRANSIENT.keySet());
                all.sort(Comparator.comparingInt(String::length).reversed());
                known = List.copyOf(all);
            }
        }
    }

    private static String stripPadding(String b64) {
        int end = b64.length();
        while (end > 0 && b64.charAt(end - 1) == '=') {
            end--;
        }
        return b64.substring(0, end);
    }

    private static String jsonEscaped(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Replaces every registered secret in {@code s} (nothing else); use it before cutting a text short. */
    public static String values(String s) {
        if (s == null || s.length() < MIN_SECRET_LENGTH) {
            return s;
        }
        List<String> secrets = known;
        String out = s;
        for (String secret : secrets) {
            if (out.length() >= secret.length() && out.contains(secret)) {
                out = out.replace(secret, MARK);
            }
        }
        return out;
    }

    /** A copy of a JSON tree with every registered secret replaced in its texts and field names; keys are kept. */
    public static JsonNode values(JsonNode node) {
        if (node == null || known.isEmpty() || !holdsSecret(node)) {
            return node; // the usual case on every answer: no copy, no rebuilt objects
        }
        return valuesIn(node.deepCopy());
    }

    private static boolean holdsSecret(JsonNode node) {
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                if (holdsSecret(e.getValue()) || !values(e.getKey()).equals(e.getKey())) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (holdsSecret(item)) {
                    return true;
                }
            }
            return false;
        }
        return node.isTextual() && !values(node.asText()).equals(node.asText());
    }

    private static JsonNode valuesIn(JsonNode node) {
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = valuesIn(obj.get(name));
                String n = values(name);
                if (!n.equals(name)) {
                    obj.remove(name);
                }
                obj.set(n, v);
            }
            return obj;
        }
        if (node.isArray()) {
            ArrayNode arr = (ArrayNode) node;
            for (int i = 0; i < arr.size(); i++) {
                arr.set(i, valuesIn(arr.get(i)));
            }
            return arr;
        }
        if (node.isTextual()) {
            String t = node.asText();
            String r = values(t);
            return r.equals(t) ? node : TextNode.valueOf(r);
        }
        return node;
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
     * Redacts registered secrets and secret-looking parts of a text (log lines, error messages, warnings, header
     * values): JWTs,
     * {@code dckr_pat_…}/{@code dckr_oat_…}, Basic/Bearer credentials, and the values of secret keys written as
     * {@code "key": "value"} or {@code key=value}.
     */
    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String out = JSON_PAIRS.matcher(values(s)).replaceAll(m -> secretKey(m.group(1)) && !m.group(3).isEmpty()
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
