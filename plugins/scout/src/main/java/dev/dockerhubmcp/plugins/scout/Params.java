package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.scout.ScoutResponse;

import java.util.List;

/** The argument grammar the scout actions share, and small helpers for variables, paging and answers. */
final class Params {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final int MAX_PAGE_SIZE = 500;

    private Params() {
    }

    static Schema.Prop image(String description) {
        return Schema.string(description).minLength(1).maxLength(512);
    }

    static Schema.Prop image() {
        return image("Image reference: nginx:1.27, myorg/app:latest or myorg/app@sha256:… (Docker Hub; a tag is "
            + "resolved to its digest with a registry HEAD)");
    }

    static Schema.Prop platform() {
        return Schema.string("Platform of a multi-arch image, os/architecture[/variant] (default linux/amd64); "
            + "selecting it reads the image index once").pattern(Platform.PATTERN).defaultValue("linux/amd64");
    }

    static Schema.Prop organization(boolean required) {
        return Schema.string(required
            ? "Docker organization whose Scout data (policies, mirrored images) to read"
            : "Docker organization whose Scout data to use (needed for private images; omit for public images)")
            .pattern(Patterns.NAMESPACE);
    }

    /** The arguments naming one image: image, platform and (optional) organization. */
    static Schema.ObjectBuilder imageInput() {
        return Schema.object()
            .required("image", image())
            .optional("platform", platform())
            .optional("organization", organization(false));
    }

    static Schema.Prop verbose() {
        return Schema.bool("Return the raw Scout records instead of the compact rows").defaultValue(false);
    }

    static Schema.Prop page() {
        return Schema.integer("Page number (1-based)").min(1).max(Integer.MAX_VALUE).defaultValue(1);
    }

    static Schema.Prop pageSize(int fallback) {
        return Schema.integer("Rows per page (1-" + MAX_PAGE_SIZE + ", default " + fallback + ")").min(1)
            .max(MAX_PAGE_SIZE).defaultValue(fallback);
    }

    static Schema.Prop severity() {
        return Schema.array(Schema.string(null).enumOf(Severity.wireNames()),
            "Only these severities (e.g. [\"critical\",\"high\"])").minItems(1).uniqueItems();
    }

    /** {@code context: {organization}}; the field is left out when no organization was given (public data). */
    static ObjectNode context(Arguments args) {
        ObjectNode c = NODES.objectNode();
        args.optString("organization").ifPresent(o -> c.put("organization", o));
        return c;
    }

    /** Variables with the context set. */
    static ObjectNode variables(Arguments args) {
        ObjectNode v = NODES.objectNode();
        v.set("context", context(args));
        return v;
    }

    /** Variables with the context set and {@code digest}: the image's platform digest. */
    static ObjectNode variables(Arguments args, ImageTarget target) {
        ObjectNode v = variables(args);
        v.put("digest", target.imageDigest());
        return v;
    }

    static ScoutResponse send(ActionContext ctx, ScoutQuery query, ObjectNode variables) {
        return ctx.scout().query(query.text(), variables);
    }

    /** A result carrying the answer's partial-data warnings. */
    static Result ok(ObjectNode data, List<String> warnings) {
        return Result.ok(data).withWarnings(warnings);
    }

    /** One page of rows: writes total, page, page_size and the rows under {@code key}. */
    static void page(ObjectNode out, String key, List<? extends JsonNode> rows, Arguments args, int defaultSize) {
        int page = args.integer("page", 1);
        int size = args.integer("page_size", defaultSize);
        long from = (long) (page - 1) * size;
        out.put("total", rows.size());
        out.put("page", page);
        out.put("page_size", size);
        ArrayNode arr = out.putArray(key);
        for (long i = from; i < rows.size() && i < from + size; i++) {
            arr.add(rows.get((int) i));
        }
        if (from + size < rows.size()) {
            out.put("next_page", page + 1);
        }
    }

    /** A text field or null. */
    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Docker Hub's familiar name, as Scout names repositories: {@code library/nginx} → {@code nginx}. */
    static String familiarName(String repository) {
        return repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
    }

    /** A vulnerability report object, compact (critical … unspecified, total). */
    static ObjectNode counts(JsonNode report) {
        if (report == null || report.isNull() || report.isMissingNode()) {
            return null;
        }
        ObjectNode c = NODES.objectNode();
        for (String f : new String[] {"critical", "high", "medium", "low", "unspecified", "total"}) {
            if (report.has(f)) {
                c.put(f, report.path(f).asInt());
            }
        }
        return c;
    }
}
