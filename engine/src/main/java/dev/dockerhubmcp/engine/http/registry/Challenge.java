package dev.dockerhubmcp.engine.http.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One authentication challenge from {@code WWW-Authenticate} (RFC 7235): a scheme and its parameters, e.g.
 * {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull,push"}.
 * Parsing copes with quoted values containing commas and spaces, escaped quotes, several challenges in one header
 * ({@code Bearer realm="…", Basic realm="…"}) and several headers.
 *
 * @param scheme lowercase scheme: {@code bearer}, {@code basic}, …
 * @param params parameter names lowercase, values unquoted
 */
public record Challenge(String scheme, Map<String, String> params) {
    public Challenge {
        requireNonNull(scheme, "scheme is null");
        scheme = scheme.toLowerCase(Locale.ROOT);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    }

    public boolean bearer() {
        return "bearer".equals(scheme);
    }

    public boolean basic() {
        return "basic".equals(scheme);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> realm() {
        return param("realm");
    }

    public Optional<String> service() {
        return param("service");
    }

    /** {@code insufficient_scope}, {@code invalid_token}, … when the server said so. */
    public Optional<String> error() {
        return param("error");
    }

    /** The scopes asked for: the {@code scope} value split on spaces (several resources may be listed). */
    public List<String> scopes() {
        String s = params.get("scope");
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.trim().split("\\s+")).toList();
    }

    /** Every challenge in the given header values, in order. Malformed input yields what could be read. */
    public static List<Challenge> parseAll(List<String> headerValues) {
        List<Challenge> out = new ArrayList<>();
        if (headerValues != null) {
            for (String v : headerValues) {
                out.addAll(parse(v));
            }
        }
        return out;
    }

    /** Every challenge in one header value. */
    public static List<Challenge> parse(String header) {
        List<Challenge> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        Lexer lx = new Lexer(header);
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            lx.skipSeparators();
            if (lx.done()) {
                break;
            }
            String token = lx.token();
            if (token.isEmpty()) {
                lx.pos++; // an unexpected character: skip it
                continue;
            }
            lx.skipSpaces();
            if (!lx.done() && lx.peek() == '=' && scheme != null && !lx.token68Ahead()) {
                lx.pos++;
                lx.skipSpaces();
                String value = !lx.done() && lx.peek() == '"' ? lx.quoted() : lx.bare();
                params.put(token.toLowerCase(Locale.ROOT), value);
            } else {
                if (scheme != null) {
                    out.add(new Challenge(scheme, params));
                    params = new LinkedHashMap<>();
                }
                scheme = token;
            }
        }
        if (scheme != null) {
            out.add(new Challenge(scheme, params));
        }
        return out;
    }

    /** The first Bearer challenge, else the first Basic one. */
    public static Optional<Challenge> preferred(List<Challenge> challenges) {
        return challenges.stream().filter(Challenge::bearer).findFirst()
            .or(() -> challenges.stream().filter(Challenge::basic).findFirst());
    }

    private static final class Lexer {
        private final String s;
        private int pos;

        Lexer(String s) {
            this.s = s;
        }

        boolean done() {
            return pos >= s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        void skipSpaces() {
            while (!done() && (peek() == ' ' || peek() == '\t')) {
                pos++;
            }
        }

        void skipSeparators() {
            while (!done() && (peek() == ' ' || peek() == '\t' || peek() == ',')) {
                pos++;
            }
        }

        String token() {
            int start = pos;
            while (!done() && isTokenChar(peek())) {
                pos++;
            }
            return s.substring(start, pos);
        }

        /** A token68 credential ({@code abc==}) after a scheme looks like {@code name=} followed by {@code =}/end. */
        boolean token68Ahead() {
            int p = pos;
            while (p < s.length() && s.charAt(p) == '=') {
                p++;
            }
            if (p - pos > 1) {
                return true;
            }
            while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
                p++;
            }
            return p >= s.length() || s.charAt(p) == ',';
        }

        String quoted() {
            pos++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (!done()) {
                char c = s.charAt(pos++);
                if (c == '\\' && !done()) {
                    sb.append(s.charAt(pos++));
                } else if (c == '"') {
                    break;
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        String bare() {
            int start = pos;
            while (!done() && peek() != ',' && peek() != ' ' && peek() != '\t') {
                pos++;
            }
            return s.substring(start, pos);
        }

        private static boolean isTokenChar(char c) {
            return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={} \t".indexOf(c) < 0;
        }
    }
}
