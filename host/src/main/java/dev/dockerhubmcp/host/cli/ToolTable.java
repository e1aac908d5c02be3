package dev.dockerhubmcp.host.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.host.tools.ToolSpec;

import java.util.List;
import java.util.Locale;

/**
 * Lists tools and their actions with effects: as a terminal table, as JSON, or as the Markdown table of the README
 * (generated from code; the build checks the README holds exactly this).
 */
public final class ToolTable {
    private ToolTable() {
    }

    public static String text(List<ToolSpec> tools) {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(24, tools.stream().mapToInt(t -> t.name().length()).max().orElse(0) + 2);
        sb.append(String.format("%-" + w + "s%-26s%-19s%s%n", "TOOL", "ACTION", "EFFECT", "DESCRIPTION"));
        for (ToolSpec t : tools) {
            for (ToolSpec.ActionRef a : t.actions()) {
                sb.append(String.format("%-" + w + "s%-26s%-19s%s%n", t.name(), a.action(), effect(a),
                    firstSentence(a.description(), 90)));
            }
        }
        return sb.toString();
    }

    public static ObjectNode json(List<ToolSpec> tools) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode arr = root.putArray("tools");
        for (ToolSpec t : tools) {
            ObjectNode tn = arr.addObject();
            tn.put("name", t.name());
            ObjectNode hints = tn.putObject("annotations");
            hints.put("readOnlyHint", t.hints().readOnly());
            hints.put("destructiveHint", t.hints().destructive());
            hints.put("idempotentHint", t.hints().idempotent());
            hints.put("openWorldHint", t.hints().openWorld());
            ArrayNode actions = tn.putArray("actions");
            for (ToolSpec.ActionRef a : t.actions()) {
                ObjectNode an = actions.addObject();
                an.put("plugin", a.plugin());
                an.put("action", a.action());
                an.put("effect", effect(a));
                an.put("description", a.description());
            }
        }
        return root;
    }

    /** The README's table: one row per action. */
    public static String markdown(List<ToolSpec> tools) {
        StringBuilder sb = new StringBuilder();
        sb.append("| tool | action | effect | what it does |\n|---|---|---|---|\n");
        for (ToolSpec t : tools) {
            for (ToolSpec.ActionRef a : t.actions()) {
                sb.append("| `").append(t.name()).append("` | `").append(a.action()).append("` | ").append(effect(a))
                    .append(" | ").append(firstSentence(a.description(), 240).replace("|", "\\|")).append(" |\n");
            }
        }
        return sb.toString();
    }

    static String effect(ToolSpec.ActionRef a) {
        String e = a.effect().name().toLowerCase(Locale.ROOT);
        String shown = a.effect() == Effect.WRITE && a.mayDestroy() ? "write/destructive" : e;
        return a.writesFiles() ? shown + "/writes file" : shown;
    }

    static String firstSentence(String s, int max) {
        String t = s.strip();
        int from = 0;
        while (true) {
            int dot = t.indexOf(". ", from);
            if (dot <= 0) {
                break;
            }
            String before = t.substring(Math.max(0, dot - 4), dot + 1);
            if (before.endsWith("e.g.") || before.endsWith("i.e.") || before.endsWith("etc.") || before.endsWith("vs.")) {
                from = dot + 2;
                continue;
            }
            t = t.substring(0, dot + 1);
            break;
        }
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
