package dev.dockerhubmcp.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checked-in JSON snapshot of the served surface: keys sorted, arrays in served order, pretty-printed. A difference
 * fails with a line diff; {@code -Ddockerhubmcp.updateSnapshots=true} rewrites the file instead.
 */
final class SurfaceSnapshot {
    static final String UPDATE_PROPERTY = "dockerhubmcp.updateSnapshots";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONTEXT = 3;
    private static final int MAX_DIFF_LINES = 200;

    private SurfaceSnapshot() {
    }

    /** Fails with a diff when {@code actual} differs from the file (or rewrites the file when asked to). */
    static void assertMatches(JsonNode actual, Path file) throws IOException {
        assertMatches(actual, file, Boolean.getBoolean(UPDATE_PROPERTY));
    }

    static void assertMatches(JsonNode actual, Path file, boolean update) throws IOException {
        String text = render(actual);
        if (update) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            throw new AssertionError("no snapshot at " + file.toAbsolutePath() + "; create it with -D"
                + UPDATE_PROPERTY + "=true and review it");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(text)) {
            throw new AssertionError("the served surface differs from " + file + " (- snapshot, + served). If the "
                + "change is intended, regenerate with -D" + UPDATE_PROPERTY + "=true and review the diff.\n"
                + diff(expected.lines().toList(), text.lines().toList()));
        }
    }

    /** Pretty JSON with every object's keys sorted; numbers normalised through a re-parse. */
    static String render(JsonNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(JSON.readTree(node.toString())))
            + "\n";
    }

    private static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), sorted(e.getValue()));
            }
            ObjectNode out = JSON.createObjectNode();
            fields.forEach(out::set);
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            n.forEach(x -> out.add(sorted(x)));
            return out;
        }
        return n;
    }

    /** A unified-style line diff with a few lines of context, cut short when long. */
    static String diff(List<String> a, List<String> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<String> ops = new ArrayList<>(); // "  x", "- x", "+ x"
        List<String> midA = a.subList(start, endA);
        List<String> midB = b.subList(start, endB);
        if ((long) midA.size() * midB.size() <= 4_000_000L) {
            int[][] lcs = new int[midA.size() + 1][midB.size() + 1];
            for (int i = midA.size() - 1; i >= 0; i--) {
                for (int j = midB.size() - 1; j >= 0; j--) {
                    lcs[i][j] = midA.get(i).equals(midB.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < midA.size() || j < midB.size()) {
                if (i < midA.size() && j < midB.size() && midA.get(i).equals(midB.get(j))) {
                    ops.add("  " + midA.get(i++));
                    j++;
                } else if (i < midA.size() && (j == midB.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    ops.add("- " + midA.get(i++));
                } else {
                    ops.add("+ " + midB.get(j++));
                }
            }
        } else {
            midA.forEach(x -> ops.add("- " + x));
            midB.forEach(x -> ops.add("+ " + x));
        }
        StringBuilder out = new StringBuilder();
        out.append("@@ line ").append(start + 1).append(" @@\n");
        for (int k = Math.max(0, start - CONTEXT); k < start; k++) {
            out.append("  ").append(a.get(k)).append('\n');
        }
        boolean[] show = new boolean[ops.size()];
        for (int k = 0; k < ops.size(); k++) {
            if (!ops.get(k).startsWith("  ")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(ops.size() - 1, k + CONTEXT); c++) {
                    show[c] = true;
                }
            }
        }
        int shown = 0;
        boolean skipping = false;
        for (int k = 0; k < ops.size(); k++) {
            if (!show[k]) {
                if (!skipping) {
                    out.append("  ...\n");
                    skipping = true;
                }
                continue;
            }
            skipping = false;
            if (++shown > MAX_DIFF_LINES) {
                out.append("  ... (diff cut at ").append(MAX_DIFF_LINES).append(" lines)\n");
                return out.toString();
            }
            out.append(ops.get(k)).append('\n');
        }
        for (int k = endA; k < Math.min(a.size(), endA + CONTEXT); k++) {
            out.append("  ").append(a.get(k)).append('\n');
        }
        return out.toString();
    }
}
