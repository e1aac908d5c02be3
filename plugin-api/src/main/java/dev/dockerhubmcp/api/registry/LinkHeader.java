package dev.dockerhubmcp.api.registry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads RFC 8288 {@code Link} headers as registries send them for pagination:
 * {@code Link: </v2/library/nginx/tags/list?last=1.25&n=100>; rel="next"}.
 */
public final class LinkHeader {
    private LinkHeader() {
    }

    /** The target of the {@code rel="next"} link, if any. */
    public static Optional<String> next(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int i = 0;
        while (true) {
            int lt = header.indexOf('<', i);
            if (lt < 0) {
                return Optional.empty();
            }
            int gt = header.indexOf('>', lt);
            if (gt < 0) {
                return Optional.empty();
            }
            String target = header.substring(lt + 1, gt).trim();
            int nextLink = header.indexOf('<', gt);
            String params = header.substring(gt + 1, nextLink < 0 ? header.length() : nextLink);
            for (String p : params.split(";")) {
                String t = p.trim().replace(",", "").trim();
                int eq = t.indexOf('=');
                if (eq > 0 && t.substring(0, eq).trim().equalsIgnoreCase("rel")) {
                    String rel = t.substring(eq + 1).trim().replace("\"", "");
                    for (String r : rel.split("\\s+")) {
                        if (r.toLowerCase(Locale.ROOT).equals("next")) {
                            return Optional.of(target);
                        }
                    }
                }
            }
            i = gt;
        }
    }

    /** The decoded query parameters of a link target (the only part of a next link a client should reuse). */
    public static List<Map.Entry<String, String>> query(String target) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        String raw = URI.create(target.replace(" ", "%20")).getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(Map.entry(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8)));
        }
        return out;
    }
}
