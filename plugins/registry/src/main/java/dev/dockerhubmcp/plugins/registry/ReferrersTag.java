package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.registry.RegistryBody;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The OCI referrers tag schema: on registries without the referrers API, the referrers of a subject are listed in an
 * image index tagged {@code <alg>-<ref>} (the digest's hex part cut to 64 characters), kept up to date by the clients
 * that push and delete manifests with a {@code subject}. Each update reports {tag, action[, reason]}; a failure to
 * update is reported, never thrown (the manifest itself was pushed or deleted).
 */
final class ReferrersTag {
    private static final Pattern DIGEST = Pattern.compile(Patterns.DIGEST);

    private ReferrersTag() {
    }

    /** {@code <alg>-<hex>} with the hex part cut to 64 characters, e.g. {@code sha512-<first 64 hex>}. */
    static String tag(String digest) {
        int colon = digest.indexOf(':');
        String alg = digest.substring(0, colon).replaceAll("[^a-zA-Z0-9._-]", "-");
        String hex = digest.substring(colon + 1);
        return alg + "-" + (hex.length() > 64 ? hex.substring(0, 64) : hex);
    }

    /** The subject digest of a manifest, or null when it has none (or not a valid one). */
    static String subjectOf(JsonNode manifest) {
        String d = manifest == null ? null : manifest.path("subject").path("digest").asText(null);
        return d != null && DIGEST.matcher(d).matches() ? d : null;
    }

    /** The descriptor listing {@code manifest} among its subject's referrers (as the referrers API gives it). */
    static ObjectNode descriptor(JsonNode manifest, String mediaType, String digest, long size) {
        ObjectNode d = Params.MAPPER.createObjectNode();
        d.put("mediaType", mediaType);
        d.put("digest", digest);
        d.put("size", size);
        String type = manifest.path("artifactType").asText("");
        if (type.isEmpty() && !manifest.has("manifests")) {
            type = manifest.path("config").path("mediaType").asText("");
        }
        if (!type.isEmpty()) {
            d.put("artifactType", type);
        }
        if (manifest.path("annotations").isObject() && !manifest.path("annotations").isEmpty()) {
            d.set("annotations", manifest.get("annotations").deepCopy());
        }
        return d;
    }

    /** Adds {@code descriptor} to the subject's tag index (creating it when absent) unless it is listed already. */
    static ObjectNode add(RegistryClient client, String repo, String subject, ObjectNode descriptor) {
        String tag = tag(subject);
        ObjectNode out = report(subject, tag);
        try {
            ObjectNode index = fetch(client, repo, tag, out);
            if (index == null) {
                return out;
            }
            ArrayNode manifests = (ArrayNode) index.get("manifests");
            for (JsonNode m : manifests) {
                if (descriptor.path("digest").asText().equals(m.path("digest").asText())) {
                    return out.put("action", "already_listed");
                }
            }
            manifests.add(descriptor);
            store(client, repo, tag, index);
            return out.put("action", "added");
        } catch (ActionException e) {
            return out.put("action", "failed").put("reason", e.getMessage());
        }
    }

    /** Removes the descriptor of {@code digest} from the subject's tag index, when it is listed there. */
    static ObjectNode remove(RegistryClient client, String repo, String subject, String digest) {
        String tag = tag(subject);
        ObjectNode out = report(subject, tag);
        try {
            ObjectNode index = fetch(client, repo, tag, out);
            if (index == null) {
                return out;
            }
            if (out.has("created")) {
                out.remove("created");
                return out.put("action", "absent");
            }
            ArrayNode kept = Params.MAPPER.createArrayNode();
            for (JsonNode m : index.get("manifests")) {
                if (!digest.equals(m.path("digest").asText())) {
                    kept.add(m);
                }
            }
            if (kept.size() == index.get("manifests").size()) {
                return out.put("action", "not_listed");
            }
            index.set("manifests", kept);
            store(client, repo, tag, index);
            return out.put("action", "removed");
        } catch (ActionException e) {
            return out.put("action", "failed").put("reason", e.getMessage());
        }
    }

    /** Whether the registry has the referrers API (it then maintains the list itself). */
    static boolean registryHasReferrersApi(RegistryClient client, String repo, String subject) {
        RegistryResponse r = client.send(RegistryRequest.builder("GET", repo).path("referrers/" + subject)
            .header("Accept", Params.OCI_INDEX).accepting(404).build());
        return r.status() != 404;
    }

    private static ObjectNode report(String subject, String tag) {
        ObjectNode out = Params.MAPPER.createObjectNode();
        out.put("subject", subject);
        out.put("tag", tag);
        return out;
    }

    /**
     * The current tag index (a new empty one, marked {@code created}, on 404); null with action {@code skipped}
     * when the tag holds something other than an OCI image index.
     */
    private static ObjectNode fetch(RegistryClient client, String repo, String tag, ObjectNode out) {
        RegistryResponse r = client.send(RegistryRequest.builder("GET", repo).path("manifests/" + tag)
            .header("Accept", Params.OCI_INDEX).actions("pull,push").accepting(404).build());
        if (r.status() == 404) {
            ObjectNode index = Params.MAPPER.createObjectNode();
            index.put("schemaVersion", 2);
            index.put("mediaType", Params.OCI_INDEX);
            index.putArray("manifests");
            out.put("created", true);
            return index;
        }
        JsonNode json;
        try {
            json = Params.MAPPER.readTree(r.body());
        } catch (IOException e) {
            json = null;
        }
        String type = json == null ? "" : json.path("mediaType").asText(
            r.header("content-type").map(c -> c.split(";")[0].trim()).orElse(""));
        if (json == null || !json.isObject() || !Params.OCI_INDEX.equals(type) || !json.path("manifests").isArray()) {
            out.put("action", "skipped");
            out.put("reason", "the tag " + tag + " holds something other than an OCI image index ("
                + (type.isEmpty() ? "unknown type" : type) + "); left unchanged");
            return null;
        }
        return (ObjectNode) json;
    }

    private static void store(RegistryClient client, String repo, String tag, ObjectNode index) {
        byte[] bytes;
        try {
            bytes = Params.MAPPER.writeValueAsBytes(index);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        client.send(RegistryRequest.builder("PUT", repo).path("manifests/" + tag).actions("pull,push")
            .body(RegistryBody.of(bytes, Params.OCI_INDEX)).build());
    }
}
