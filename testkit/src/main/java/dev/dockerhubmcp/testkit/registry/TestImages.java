package dev.dockerhubmcp.testkit.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.registry.RegistryBody;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static java.util.Objects.requireNonNull;

/**
 * Small, valid test images built in memory: a gzipped tar layer, an image config with the platform and the layer's
 * diff_id, a manifest (OCI or Docker v2 schema 2), indexes with several platforms and a BuildKit-style attestation
 * manifest ({@code unknown/unknown}, {@code vnd.docker.reference.type: attestation-manifest}). They can be written
 * as an OCI image layout (for skopeo) or pushed with a {@link RegistryClient}.
 */
public final class TestImages {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public static final String IN_TOTO = "application/vnd.in-toto+json";

    private TestImages() {
    }

    /** Content with its media type. */
    public record Blob(String mediaType, byte[] bytes) {
        public Blob {
            requireNonNull(mediaType, "mediaType is null");
            requireNonNull(bytes, "bytes is null");
        }

        public String digest() {
            return sha256(bytes);
        }

        public long size() {
            return bytes.length;
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public ObjectNode descriptor() {
            ObjectNode d = MAPPER.createObjectNode();
            d.put("mediaType", mediaType);
            d.put("digest", digest());
            d.put("size", size());
            return d;
        }
    }

    /** One platform's image: config, layers and the manifest that ties them. {@code platform} e.g. linux/arm64/v8. */
    public record Image(String platform, Blob config, List<Blob> layers, Blob manifest) {
        public List<Blob> blobs() {
            List<Blob> all = new ArrayList<>();
            all.add(config);
            all.addAll(layers);
            return all;
        }
    }

    /** An index, its platform images and the attestation manifest (or null). */
    public record Index(Blob index, List<Image> images, Image attestation) {
        public List<Image> children() {
            List<Image> all = new ArrayList<>(images);
            if (attestation != null) {
                all.add(attestation);
            }
            return all;
        }
    }

    /** An OCI image for {@code platform} with one layer per text (a tar holding {@code /file-<n>.txt}). */
    public static Image image(String platform, String... layerTexts) {
        return image(platform, false, layerTexts);
    }

    /** An image with Docker (v2 schema 2) media types when {@code docker}, OCI otherwise. */
    public static Image image(String platform, boolean docker, String... layerTexts) {
        String[] p = platform.split("/");
        List<Blob> layers = new ArrayList<>();
        ArrayNode diffIds = MAPPER.createArrayNode();
        for (int i = 0; i < layerTexts.length; i++) {
            byte[] tar = tar("file-" + i + ".txt", layerTexts[i].getBytes(StandardCharsets.UTF_8));
            diffIds.add(sha256(tar));
            layers.add(new Blob(docker ? DOCKER_LAYER : OCI_LAYER, gzip(tar)));
        }
        ObjectNode config = MAPPER.createObjectNode();
        config.put("architecture", p[1]);
        config.put("os", p[0]);
        if (p.length > 2) {
            config.put("variant", p[2]);
        }
        config.put("created", "2024-01-01T00:00:00Z");
        config.putObject("config").putArray("Env").add("PATH=/usr/bin:/bin").add("PLATFORM=" + platform);
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.set("diff_ids", diffIds);
        Blob cfg = new Blob(docker ? DOCKER_CONFIG : OCI_CONFIG, json(config));
        return new Image(platform, cfg, layers, manifest(docker ? DOCKER_MANIFEST : OCI_MANIFEST, cfg, layers, null));
    }

    private static Blob manifest(String mediaType, Blob config, List<Blob> layers, Map<String, String> annotations) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("schemaVersion", 2);
        m.put("mediaType", mediaType);
        m.set("config", config.descriptor());
        ArrayNode ls = m.putArray("layers");
        layers.forEach(l -> ls.add(l.descriptor()));
        if (annotations != null) {
            ObjectNode a = m.putObject("annotations");
            annotations.forEach(a::put);
        }
        return new Blob(mediaType, json(m));
    }

    /** A BuildKit-style attestation manifest for {@code subject} (an in-toto provenance layer). */
    public static Image attestation(Image subject) {
        ObjectNode statement = MAPPER.createObjectNode();
        statement.put("_type", "https://in-toto.io/Statement/v0.1");
        statement.put("predicateType", "https://slsa.dev/provenance/v0.2");
        statement.putArray("subject").addObject().put("name", "pkg:docker/test")
            .putObject("digest").put("sha256", subject.manifest().digest().substring(7));
        Blob layer = new Blob(IN_TOTO, json(statement));
        ObjectNode config = MAPPER.createObjectNode();
        config.put("architecture", "unknown");
        config.put("os", "unknown");
        config.putObject("config");
        config.putObject("rootfs").put("type", "layers").putArray("diff_ids").add(layer.digest());
        Blob cfg = new Blob(OCI_CONFIG, json(config));
        return new Image("unknown/unknown", cfg, List.of(layer), manifest(OCI_MANIFEST, cfg, List.of(layer), null));
    }

    /** An OCI index (Docker manifest list when {@code docker}) of the images, with an attestation for the first. */
    public static Index index(boolean docker, boolean withAttestation, Image... images) {
        ObjectNode idx = MAPPER.createObjectNode();
        idx.put("schemaVersion", 2);
        idx.put("mediaType", docker ? DOCKER_LIST : OCI_INDEX);
        ArrayNode ms = idx.putArray("manifests");
        for (Image im : images) {
            ObjectNode d = im.manifest().descriptor();
            d.set("platform", platform(im.platform()));
            ms.add(d);
        }
        Image att = null;
        if (withAttestation) {
            att = attestation(images[0]);
            ObjectNode d = att.manifest().descriptor();
            d.set("platform", platform("unknown/unknown"));
            ObjectNode a = d.putObject("annotations");
            a.put("vnd.docker.reference.digest", images[0].manifest().digest());
            a.put("vnd.docker.reference.type", "attestation-manifest");
            ms.add(d);
        }
        return new Index(new Blob(docker ? DOCKER_LIST : OCI_INDEX, json(idx)), List.of(images), att);
    }

    /** An OCI artifact manifest whose {@code subject} is {@code subject} (for the referrers API). */
    public static Blob referrer(String artifactType, Blob subject, String payload) {
        Blob layer = new Blob("application/json", payload.getBytes(StandardCharsets.UTF_8));
        Blob empty = new Blob("application/vnd.oci.empty.v1+json", "{}".getBytes(StandardCharsets.UTF_8));
        ObjectNode m = MAPPER.createObjectNode();
        m.put("schemaVersion", 2);
        m.put("mediaType", OCI_MANIFEST);
        m.put("artifactType", artifactType);
        m.set("config", empty.descriptor());
        m.putArray("layers").add(layer.descriptor());
        m.set("subject", subject.descriptor());
        m.putObject("annotations").put("org.opencontainers.image.created", "2024-01-01T00:00:00Z");
        return new Blob(OCI_MANIFEST, json(m));
    }

    private static ObjectNode platform(String platform) {
        String[] p = platform.split("/");
        ObjectNode n = MAPPER.createObjectNode();
        n.put("architecture", p[1]);
        n.put("os", p[0]);
        if (p.length > 2) {
            n.put("variant", p[2]);
        }
        return n;
    }

    // ---- OCI image layout (for skopeo) -------------------------------------------------------------------------

    /** Writes {@code dir} as an OCI image layout whose index.json names {@code top} with {@code tag}. */
    public static void writeOciLayout(Path dir, String tag, Blob top, List<Blob> blobs) {
        try {
            Path shaDir = dir.resolve("blobs").resolve("sha256");
            Files.createDirectories(shaDir);
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            List<Blob> all = new ArrayList<>(blobs);
            all.add(top);
            for (Blob b : all) {
                Files.write(shaDir.resolve(b.digest().substring(7)), b.bytes());
            }
            ObjectNode index = MAPPER.createObjectNode();
            index.put("schemaVersion", 2);
            index.put("mediaType", OCI_INDEX);
            ObjectNode d = top.descriptor();
            d.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
            index.putArray("manifests").add(d);
            Files.write(dir.resolve("index.json"), json(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every blob and child manifest of an image, for {@link #writeOciLayout}. */
    public static List<Blob> contentOf(Image image) {
        return image.blobs();
    }

    public static List<Blob> contentOf(Index index) {
        List<Blob> all = new ArrayList<>();
        for (Image im : index.children()) {
            all.addAll(im.blobs());
            all.add(im.manifest());
        }
        return all;
    }

    // ---- pushing through the shared client ---------------------------------------------------------------------

    /** Pushes an image's blobs (skipping those present) and its manifest under {@code tag}; returns its digest. */
    public static String push(RegistryClient client, String repository, String tag, Image image) {
        for (Blob b : image.blobs()) {
            pushBlob(client, repository, b);
        }
        return putManifest(client, repository, tag, image.manifest());
    }

    /** Pushes every child, then the index under {@code tag}; returns the index digest. */
    public static String push(RegistryClient client, String repository, String tag, Index index) {
        for (Image im : index.children()) {
            push(client, repository, im.manifest().digest(), im);
        }
        return putManifest(client, repository, tag, index.index());
    }

    public static String putManifest(RegistryClient client, String repository, String reference, Blob manifest) {
        RegistryResponse r = client.send(RegistryRequest.builder("PUT", repository)
            .path("manifests/" + reference).actions("pull,push")
            .body(RegistryBody.of(manifest.bytes(), manifest.mediaType())).build());
        return r.header("docker-content-digest").orElse(manifest.digest());
    }

    /** A monolithic upload (POST then PUT ?digest=) unless the registry already has the blob. */
    public static void pushBlob(RegistryClient client, String repository, Blob blob) {
        RegistryResponse head = client.send(RegistryRequest.builder("HEAD", repository)
            .path("blobs/" + blob.digest()).accepting(404).build());
        if (head.status() == 200) {
            return;
        }
        RegistryResponse start = client.send(RegistryRequest.builder("POST", repository)
            .path("blobs/uploads/").actions("pull,push").build());
        String location = start.header("location").orElseThrow(() -> new IllegalStateException("no upload Location"));
        client.send(RegistryRequest.builder("PUT", repository).location(location).actions("pull,push")
            .query("digest", blob.digest()).body(RegistryBody.octets(blob.bytes())).build());
    }

    // ---- bytes -------------------------------------------------------------------------------------------------

    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] json(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A ustar archive with one regular file. */
    static byte[] tar(String name, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, String.format("%011o", 1704067200L));
        header[156] = '0';
        put(header, 257, "ustar");
        header[262] = 0;
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] buf, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, buf, at, b.length);
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Media type → digest of every blob, for assertions. */
    public static Map<String, String> digests(List<Blob> blobs) {
        Map<String, String> m = new LinkedHashMap<>();
        blobs.forEach(b -> m.put(b.digest(), b.mediaType()));
        return m;
    }
}
