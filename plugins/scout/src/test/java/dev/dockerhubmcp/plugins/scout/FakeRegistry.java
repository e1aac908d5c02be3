package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.testkit.FakeHttpServer;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small OCI registry for the scout tests: {@code HEAD/GET /v2/<repo>/manifests/<tag or digest>} answer 200 with
 * {@code Docker-Content-Digest} and {@code Content-Type}; anything else 404 in the distribution error shape.
 */
final class FakeRegistry extends FakeHttpServer {
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Manifest(String digest, String mediaType, byte[] body) {
    }

    private final Map<String, Manifest> manifests = new ConcurrentHashMap<>();

    FakeRegistry() {
        super();
        on("*", "~/v2/.+/manifests/[^/]+").handle(this::manifest);
    }

    /** A single-platform image under {@code repo:tag}; returns its digest. */
    String image(String repo, String tag, String seed) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("schemaVersion", 2);
        m.put("mediaType", OCI_MANIFEST);
        m.putObject("config").put("digest", "sha256:" + sha(seed + "-config"));
        byte[] body = m.toString().getBytes(StandardCharsets.UTF_8);
        String digest = "sha256:" + sha(body);
        put(repo, tag, new Manifest(digest, OCI_MANIFEST, body));
        return digest;
    }

    /**
     * A multi-arch index under {@code repo:tag} with one child per platform (plus an attestation entry); returns the
     * index digest. Children are addressable by digest too.
     */
    String index(String repo, String tag, Map<String, String> childDigestByPlatform) {
        ObjectNode idx = MAPPER.createObjectNode();
        idx.put("schemaVersion", 2);
        idx.put("mediaType", OCI_INDEX);
        ArrayNode list = idx.putArray("manifests");
        childDigestByPlatform.forEach((platform, digest) -> {
            String[] p = platform.split("/");
            ObjectNode e = list.addObject();
            e.put("mediaType", OCI_MANIFEST);
            e.put("digest", digest);
            e.put("size", 1234);
            ObjectNode pl = e.putObject("platform");
            pl.put("os", p[0]);
            pl.put("architecture", p[1]);
            if (p.length > 2) {
                pl.put("variant", p[2]);
            }
        });
        ObjectNode att = list.addObject();
        att.put("mediaType", OCI_MANIFEST);
        att.put("digest", "sha256:" + sha(tag + "-attestation"));
        att.putObject("platform").put("os", "unknown").put("architecture", "unknown");
        byte[] body = idx.toString().getBytes(StandardCharsets.UTF_8);
        String digest = "sha256:" + sha(body);
        put(repo, tag, new Manifest(digest, OCI_INDEX, body));
        return digest;
    }

    /** Requests for manifests of {@code repo} with this method. */
    List<RecordedRequest> manifestRequests(String method) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().contains("/manifests/"))
            .toList();
    }

    private void put(String repo, String tag, Manifest m) {
        manifests.put(repo + ":" + tag, m);
        manifests.put(repo + "@" + m.digest(), m);
    }

    private FakeResponse manifest(RecordedRequest req) {
        String path = req.path().substring("/v2/".length());
        int cut = path.lastIndexOf("/manifests/");
        String repo = path.substring(0, cut);
        String ref = path.substring(cut + "/manifests/".length());
        Manifest m = manifests.get(repo + (ref.contains(":") ? "@" : ":") + ref);
        if (m == null) {
            return FakeResponse.json(404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}");
        }
        return new FakeResponse(200, Map.of("Content-Type", m.mediaType(), "Docker-Content-Digest", m.digest()),
            m.body());
    }

    static String sha(String seed) {
        return sha(seed.getBytes(StandardCharsets.UTF_8));
    }

    static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
