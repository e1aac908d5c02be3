package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compact forms of Hub records: the fields an agent acts on (names, digests, sizes, dates, platforms, status,
 * visibility, counts), without ids, layer lists, gravatar URLs and nulls. {@code verbose: true} skips this.
 */
final class Compact {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How much of a repository's full description (its README) the compact form keeps. */
    static final int FULL_DESCRIPTION_CHARS = 1000;

    private Compact() {
    }

    /** A tag: name, digest, size, last pushed/pulled, status, platforms ({@code os/arch[/variant]}). */
    static ObjectNode tag(JsonNode t) {
        ObjectNode out = NODES.objectNode();
        copy(t, "name", out, "name");
        List<JsonNode> images = images(t);
        if (t.hasNonNull("digest")) {
            out.set("digest", t.get("digest"));
        } else if (images.size() == 1 && images.get(0).hasNonNull("digest")) {
            out.set("digest", images.get(0).get("digest"));
        }
        copy(t, "full_size", out, "size");
        if (t.hasNonNull("tag_last_pushed")) {
            out.set("last_pushed", t.get("tag_last_pushed"));
        } else {
            copy(t, "last_updated", out, "last_pushed");
        }
        copy(t, "tag_last_pulled", out, "last_pulled");
        copy(t, "status", out, "status");
        ArrayNode platforms = NODES.arrayNode();
        for (JsonNode image : images) {
            String p = platform(image);
            if (p != null) {
                platforms.add(p);
            }
        }
        if (!platforms.isEmpty()) {
            out.set("platforms", platforms);
        }
        return out;
    }

    /** A tag with one entry per platform image (digest and size each): for get_tag. */
    static ObjectNode tagDetail(JsonNode t) {
        ObjectNode out = tag(t);
        out.remove("platforms");
        copy(t, "last_updater_username", out, "last_updater");
        ArrayNode images = NODES.arrayNode();
        for (JsonNode image : images(t)) {
            ObjectNode i = NODES.objectNode();
            String p = platform(image);
            if (p != null) {
                i.put("platform", p);
            }
            copy(image, "digest", i, "digest");
            copy(image, "size", i, "size");
            copy(image, "status", i, "status");
            copy(image, "last_pushed", i, "last_pushed");
            copy(image, "last_pulled", i, "last_pulled");
            images.add(i);
        }
        if (!images.isEmpty()) {
            out.set("images", images);
        }
        return out;
    }

    /** A repository list entry: name, namespace, description, visibility, stars, pulls, last update, status. */
    static ObjectNode repository(JsonNode r) {
        ObjectNode out = NODES.objectNode();
        copy(r, "name", out, "name");
        copy(r, "namespace", out, "namespace");
        copy(r, "description", out, "description");
        copy(r, "is_private", out, "is_private");
        copy(r, "star_count", out, "star_count");
        copy(r, "pull_count", out, "pull_count");
        copy(r, "last_updated", out, "last_updated");
        if (r.hasNonNull("status_description")) {
            out.put("status", r.get("status_description").asText().toLowerCase(Locale.ROOT));
        } else {
            copy(r, "status", out, "status");
        }
        return out;
    }

    /** One repository in detail: the list fields plus type, dates, immutable tags, permissions, categories. */
    static ObjectNode repositoryDetail(JsonNode r) {
        ObjectNode out = repository(r);
        copy(r, "repository_type", out, "repository_type");
        copy(r, "date_registered", out, "date_registered");
        copy(r, "storage_size", out, "storage_size");
        copy(r, "immutable_tags_settings", out, "immutable_tags_settings");
        copy(r, "permissions", out, "permissions");
        ArrayNode categories = NODES.arrayNode();
        r.path("categories").forEach(c -> categories.add(c.path("name").asText(c.path("slug").asText())));
        if (!categories.isEmpty()) {
            out.set("categories", categories);
        }
        if (r.hasNonNull("full_description") && !r.get("full_description").asText().isEmpty()) {
            String full = r.get("full_description").asText();
            if (full.length() > FULL_DESCRIPTION_CHARS) {
                out.put("full_description", full.substring(0, FULL_DESCRIPTION_CHARS));
                out.put("full_description_truncated", true);
                out.put("full_description_length", full.length());
            } else {
                out.put("full_description", full);
            }
        }
        return out;
    }

    /** The platform images of a tag: the Hub sends an array; the document describes a single object. */
    static List<JsonNode> images(JsonNode t) {
        JsonNode images = t.path("images");
        List<JsonNode> out = new ArrayList<>();
        if (images.isArray()) {
            images.forEach(out::add);
        } else if (images.isObject()) {
            out.add(images);
        }
        return out;
    }

    /** {@code os/architecture[/variant]}, or null when the image names neither. */
    static String platform(JsonNode image) {
        String os = text(image, "os");
        String arch = text(image, "architecture");
        if (os == null && arch == null) {
            return null;
        }
        String variant = text(image, "variant");
        return (os == null ? "unknown" : os) + "/" + (arch == null ? "unknown" : arch)
            + (variant == null ? "" : "/" + variant);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /** Copies a field when present and not null. */
    static void copy(JsonNode from, String field, ObjectNode to, String as) {
        JsonNode v = from.get(field);
        if (v != null && !v.isNull() && !v.isMissingNode()) {
            to.set(as, v);
        }
    }
}
