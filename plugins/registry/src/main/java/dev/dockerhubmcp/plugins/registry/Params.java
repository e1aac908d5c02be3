package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.registry.Digests;
import dev.dockerhubmcp.api.registry.UploadLocations;
import dev.dockerhubmcp.api.registry.ImageReference;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the registry actions share: argument schemas and parsing, manifest fetches, compact output. */
final class Params {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final Set<String> INDEX_TYPES = Set.of(OCI_INDEX, DOCKER_LIST);

    /** A repository as users write it: an OCI name, optionally prefixed by docker.io/ (and its aliases). */
    static final String REPOSITORY_PATTERN = "^(?:(?:docker\\.io|index\\.docker\\.io|registry-1\\.docker\\.io"
        + "|registry\\.hub\\.docker\\.com)/)?" + unanchor(Patterns.OCI_NAME) + "$";
    static final String REFERENCE_PATTERN = "^(?:" + unanchor(Patterns.TAG) + "|" + unanchor(Patterns.DIGEST) + ")$";
    static final String PLATFORM_PATTERN = "^[a-z0-9_.-]+/[a-z0-9_.-]+(?:/[a-z0-9_.-]+)?$";

    private Params() {
    }

    // ---- schemas -----------------------------------------------------------------------------------------------

    static Schema.Prop repository() {
        return Schema.string("Repository: 'nginx' (= library/nginx), 'myorg/app', 'docker.io/library/nginx'")
            .pattern(REPOSITORY_PATTERN).maxLength(255);
    }

    static Schema.Prop reference() {
        return Schema.string("Tag or digest (sha256:…); default 'latest'").pattern(REFERENCE_PATTERN);
    }

    static Schema.Prop digest(String what) {
        return Schema.string(what + " (algorithm:hex, e.g. sha256:…)").pattern(Patterns.DIGEST);
    }

    static Schema.Prop platform() {
        return Schema.string("Platform os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8")
            .pattern(PLATFORM_PATTERN);
    }

    /** Refuses a location off the registry before anything else happens (no file is read, nothing is sent). */
    static void checkLocation(ActionContext ctx, String location) {
        UploadLocations.resolve(java.net.URI.create(ctx.registry().baseUrl()), location);
    }

    static Schema.Prop location() {
        return Schema.string("Upload Location returned by start_upload/upload_chunk (absolute URL on the registry or "
                + "/v2/… path)")
            .minLength(1).maxLength(4096);
    }

    // ---- arguments ---------------------------------------------------------------------------------------------

    static String repository(Arguments args) {
        return new ImageReference(ImageReference.normalizeRepository(args.string("repository")), null, null)
            .repository();
    }

    static String reference(Arguments args) {
        return args.string("reference", "latest");
    }

    static boolean isDigest(String reference) {
        return reference.contains(":");
    }

    // ---- manifests ---------------------------------------------------------------------------------------------

    /** A manifest as fetched: raw bytes (digests are over them), parsed JSON, digest and media type. */
    record Manifest(String digest, String mediaType, byte[] bytes, JsonNode json, int status) {
        boolean index() {
            return INDEX_TYPES.contains(mediaType) || (json.has("manifests") && !json.has("layers"));
        }

        long size() {
            return bytes.length;
        }
    }

    /** GET a manifest; checks its bytes against the digest asked for or announced. */
    static Manifest manifest(RegistryClient client, String repository, String reference, String accept) {
        RegistryResponse r = client.send(RegistryRequest.builder("GET", repository)
            .path("manifests/" + reference).header("Accept", accept).build());
        String local = Digests.sha256(r.body());
        String announced = r.header("docker-content-digest").orElse(null);
        if (isDigest(reference) && reference.startsWith("sha256:") && !reference.equals(local)) {
            throw new ActionException(ErrorType.UPSTREAM, "the registry returned a manifest whose sha256 is " + local
                + ", not the " + reference + " asked for");
        }
        if (announced != null && announced.startsWith("sha256:") && !announced.equals(local)) {
            throw new ActionException(ErrorType.UPSTREAM, "manifest digest mismatch: the registry announced "
                + announced + " but the bytes hash to " + local);
        }
        String digest = isDigest(reference) ? reference : announced != null ? announced : local;
        JsonNode json = r.json();
        String mediaType = json.path("mediaType").asText(null);
        if (mediaType == null) {
            mediaType = r.header("content-type").map(c -> c.split(";")[0].trim()).orElse("");
        }
        return new Manifest(digest, mediaType, r.body(), json, r.status());
    }

    // ---- platforms ---------------------------------------------------------------------------------------------

    static String platformOf(JsonNode p) {
        if (p == null || p.isMissingNode() || p.isNull()) {
            return null;
        }
        String s = p.path("os").asText("") + "/" + p.path("architecture").asText("");
        String v = p.path("variant").asText("");
        return v.isEmpty() ? s : s + "/" + v;
    }

    /** True for BuildKit attestation manifests (unknown/unknown + vnd.docker.reference.type). */
    static boolean attestation(JsonNode descriptor) {
        String type = descriptor.path("annotations").path("vnd.docker.reference.type").asText("");
        if (type.equals("attestation-manifest")) {
            return true;
        }
        JsonNode p = descriptor.path("platform");
        return "unknown".equals(p.path("os").asText()) && "unknown".equals(p.path("architecture").asText());
    }

    /** Whether {@code wanted} (os/arch[/variant]) names this platform; arm64 without variant matches v8. */
    static boolean matches(String wanted, String actual) {
        if (actual == null) {
            return false;
        }
        if (wanted.equals(actual)) {
            return true;
        }
        String[] w = wanted.split("/", -1);
        String[] a = actual.split("/", -1);
        if (w.length < 2 || a.length < 2 || !w[0].equals(a[0]) || !w[1].equals(a[1])) {
            return false;
        }
        String wv = w.length > 2 ? w[2] : "";
        String av = a.length > 2 ? a[2] : "";
        if (wv.isEmpty() || av.isEmpty()) {
            return a[1].equals("arm64") ? (wv.isEmpty() || wv.equals("v8")) && (av.isEmpty() || av.equals("v8"))
                : wv.isEmpty();
        }
        return wv.equals(av);
    }

    /** The index child for a platform: the one asked for, else linux/amd64, else the first real platform. */
    static JsonNode choose(JsonNode index, String wanted) {
        List<JsonNode> real = new java.util.ArrayList<>();
        index.path("manifests").forEach(d -> {
            if (!attestation(d)) {
                real.add(d);
            }
        });
        if (wanted != null) {
            for (JsonNode d : real) {
                if (matches(wanted, platformOf(d.path("platform")))) {
                    return d;
                }
            }
            return null;
        }
        for (JsonNode d : real) {
            if ("linux/amd64".equals(platformOf(d.path("platform")))) {
                return d;
            }
        }
        return real.isEmpty() ? null : real.get(0);
    }

    static ArrayNode platformsOf(JsonNode index) {
        ArrayNode out = MAPPER.createArrayNode();
        index.path("manifests").forEach(d -> {
            if (!attestation(d)) {
                out.add(platformOf(d.path("platform")));
            }
        });
        return out;
    }

    // ---- output ------------------------------------------------------------------------------------------------

    static ObjectNode obj() {
        return MAPPER.createObjectNode();
    }

    /** The registry headers worth showing: digest, type, length, pull limits. */
    static Map<String, String> headers(RegistryResponse r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : new String[] {"docker-content-digest", "content-type", "content-length", "ratelimit-limit",
            "ratelimit-remaining", "docker-ratelimit-source", "oci-filters-applied", "location", "range",
            "docker-upload-uuid", "link"}) {
            r.header(h).ifPresent(v -> out.put(h, v));
        }
        return out;
    }

    static ObjectNode descriptor(JsonNode d) {
        ObjectNode o = obj();
        o.put("digest", d.path("digest").asText());
        o.put("media_type", d.path("mediaType").asText());
        o.put("size", d.path("size").asLong());
        return o;
    }

    static String unanchor(String pattern) {
        String p = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        return p.endsWith("$") ? p.substring(0, p.length() - 1) : p;
    }

    /** The context's client (one place to hook counting). */
    static RegistryClient client(ActionContext ctx) {
        return ctx.registry();
    }
}
