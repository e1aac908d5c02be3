package dev.dockerhubmcp.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The official documents tests check requests against, each pinned by SHA-256, found in this order: the
 * {@code shared/specs/} folder beside the checkout (system property {@code dockerhubmcp.shared}; no network), the
 * cache {@code .tools/specs/} laid out the same way ({@code dockerhubmcp.tools}), else downloaded from the pinned
 * public original ({@code DOCKERHUB_MCP_SPECS_BASE_URL} replaces {@code https://raw.githubusercontent.com}) into that
 * cache. A wrong checksum or a failed download is an {@link IllegalStateException} with a one-line message naming the
 * document, the URL and what to do; nothing is cached then.
 * <p>
 * JDK only, one file: {@code .ci/install-tools} runs it as {@code java Specs.java} to fetch the documents up front.
 */
public final class Specs {
    /** Replaces {@link #DEFAULT_BASE_URL} (e.g. a mirror, or a local server in tests). */
    public static final String BASE_URL_ENV = "DOCKERHUB_MCP_SPECS_BASE_URL";
    public static final String DEFAULT_BASE_URL = "https://raw.githubusercontent.com";

    /**
     * One pinned document: {@code path} under {@code specs/} (and the cache), {@code origin} under the base URL.
     */
    public record Document(String title, String path, String origin, String sha256) {
        public String url(String baseUrl) {
            return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + origin;
        }
    }

    /** The Docker Hub API reference (OpenAPI 3.0.3), as published: docker/docs. */
    public static final Document HUB_OPENAPI = new Document("the Docker Hub API document", "dockerhub/latest.yaml",
        "docker/docs/c065f8002e74b9ef1a9a5afe638f8ae13da5193d/content/reference/api/hub/latest.yaml",
        "13855546562c7ea757f40409da8ab3f42dcfbff6c70d68a418202df1a7f34e8d");

    /** The Docker Scout GraphQL schema as shipped by Docker's Hub MCP server: docker/hub-mcp. */
    public static final Document SCOUT_SCHEMA = new Document("the Docker Scout GraphQL schema",
        "scout/scout-schema.graphql",
        "docker/hub-mcp/5a7c80f57d9fc31558aebfaf3fd5dc6198aaaf30/src/scout/genql/schema.graphql",
        "0e398636575aeb190273ccb6e69b22ccf0af95991719ad18c4ca938d45591959");

    public static final List<Document> ALL = List.of(HUB_OPENAPI, SCOUT_SCHEMA);

    private static Specs local;

    private final Path shared;
    private final Path cache;
    private final String baseUrl;
    private final HttpClient http;
    private final Map<Document, Path> found = new LinkedHashMap<>();
    private Path validating;

    /**
     * @param shared  the {@code specs/} folder of the shared folder, or null
     * @param cache   the cache folder ({@code .tools/specs})
     * @param baseUrl where the originals are ({@link #DEFAULT_BASE_URL})
     * @param http    the client for downloads, or null for a default one
     */
    public Specs(Path shared, Path cache, String baseUrl, HttpClient http) {
        this.shared = shared;
        this.cache = cache;
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /** This checkout's documents: shared folder, cache and base URL found as the class comment says. */
    public static synchronized Specs local() {
        if (local == null) {
            String base = System.getenv(BASE_URL_ENV);
            String url = base == null || base.isBlank() ? DEFAULT_BASE_URL : base.strip();
            local = new Specs(findShared(), findCache(), url, null);
        }
        return local;
    }

    /** The verified local copy of a document: from the shared folder, the cache, or downloaded into the cache. */
    public synchronized Path path(Document d) {
        Path p = found.get(d);
        if (p == null) {
            p = resolve(d);
            found.put(d, p);
        }
        return p;
    }

    /** Where {@link #path} takes documents from (for messages): the shared folder or the cache. */
    public String source() {
        return shared != null ? shared.toString() : cache.toString();
    }

    /**
     * The Hub document repaired so that validators and Prism load it (see {@link #validating(String)}), written to a
     * temporary file removed at exit.
     */
    public synchronized Path hubOpenApiValidating() {
        if (validating == null) {
            try {
                String text = validating(Files.readString(path(HUB_OPENAPI)));
                Path f = Files.createTempFile("hub-latest.validating-", ".yaml");
                f.toFile().deleteOnExit();
                Files.writeString(f, text);
                validating = f;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the validating Hub document", e);
            }
        }
        return validating;
    }

    /**
     * The two repairs the published Hub document needs before OpenAPI validators load it: schema {@code team_repo}
     * refers to itself through a broken {@code $ref} (made a plain object schema with {@code group_id},
     * {@code group_name} and {@code permission}), and the create-repository operation names its security scheme
     * {@code BearerAuth} instead of {@code bearerAuth}.
     */
    public static String validating(String original) {
        String s = replaceOnce(original,
            "      security:\n        - BearerAuth: [ ]\n",
            "      security:\n        - bearerAuth: [ ]\n");
        return replaceOnce(s,
            "    team_repo:\n      allOf:\n        - $ref: \"#/components/responses/team_repo\"\n      properties:\n",
            "    team_repo:\n      type: object\n      properties:\n        group_id:\n          type: integer\n"
                + "          description: ID of the group\n");
    }

    private static String replaceOnce(String text, String from, String to) {
        int i = text.indexOf(from);
        if (i < 0 || text.indexOf(from, i + 1) >= 0) {
            throw new IllegalStateException("the Hub document does not contain exactly one '" + from.strip()
                + "'; the repairs in Specs.validating no longer fit it");
        }
        return text.substring(0, i) + to + text.substring(i + from.length());
    }

    private Path resolve(Document d) {
        if (shared != null) {
            Path p = shared.resolve(d.path());
            if (Files.isRegularFile(p)) {
                String sha = sha256(p);
                if (!sha.equals(d.sha256())) {
                    throw new IllegalStateException(d.title() + " at " + p + " has SHA-256 " + sha + ", not the pinned "
                        + d.sha256() + ": restore it from " + d.url(DEFAULT_BASE_URL));
                }
                return p;
            }
        }
        Path p = cache.resolve(d.path());
        if (Files.isRegularFile(p) && sha256(p).equals(d.sha256())) {
            return p;
        }
        download(d, p);
        return p;
    }

    private void download(Document d, Path target) {
        String url = d.url(baseUrl);
        String what = d.title() + " (" + d.path() + ") from " + url;
        String todo = "check the network (or set " + BASE_URL_ENV + " to a mirror), or put a copy at " + target
            + " or in a shared/specs/ folder beside the checkout";
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
            HttpResponse<Path> r;
            try {
                HttpRequest get = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).build();
                r = client().send(get, HttpResponse.BodyHandlers.ofFile(tmp));
            } catch (IOException e) {
                throw new IllegalStateException("cannot download " + what + ": " + oneLine(e) + "; " + todo);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while downloading " + what);
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("cannot download " + what + ": HTTP " + r.statusCode() + "; " + todo);
            }
            String sha = sha256(tmp);
            if (!sha.equals(d.sha256())) {
                throw new IllegalStateException(what + " has SHA-256 " + sha + ", not the pinned " + d.sha256()
                    + " (" + Files.size(tmp) + " bytes; damaged, cut short or not the pinned file), so it was not"
                    + " cached; retry, or " + todo);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot store " + what + " at " + target + ": " + oneLine(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover .part file is harmless
                }
            }
        }
    }

    private HttpClient client() {
        return http != null ? http : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static String oneLine(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause()) {
            String m = t.getMessage();
            String part = t.getClass().getSimpleName()
                + (m == null || m.isBlank() ? "" : " " + m.replaceAll("\\s+", " "));
            if (parts.isEmpty() || !parts.get(parts.size() - 1).equals(part)) {
                parts.add(part);
            }
        }
        return String.join(": ", parts);
    }

    static String sha256(Path p) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code dockerhubmcp.shared} (the folder or one beside it), else {@code shared/} in or beside an ancestor. */
    static Path findShared() {
        List<Path> dirs = new ArrayList<>();
        String p = System.getProperty("dockerhubmcp.shared");
        if (p != null && !p.isBlank()) {
            Path given = Path.of(p).toAbsolutePath().normalize();
            dirs.add(given);
            if (given.getParent() != null) {
                dirs.add(given.getParent());
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            dirs.add(dir);
        }
        for (Path dir : dirs) {
            Path beside = dir.getParent() == null ? null : dir.resolveSibling("shared");
            for (Path c : new Path[] {dir.resolve("shared"), beside}) {
                if (c != null && Files.isDirectory(c.resolve("specs"))) {
                    return c.resolve("specs").normalize();
                }
            }
        }
        return null;
    }

    /** {@code dockerhubmcp.tools}, else the nearest {@code .tools/} up from here, else {@code ./.tools}; + specs/. */
    static Path findCache() {
        String p = System.getProperty("dockerhubmcp.tools");
        if (p != null && !p.isBlank()) {
            return Path.of(p).toAbsolutePath().normalize().resolve("specs");
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".tools"))) {
                return dir.resolve(".tools/specs");
            }
        }
        return here.resolve(".tools/specs");
    }

    /** Fetches (or finds) every document up front and checks the Hub repairs still apply; exits 1 with one line. */
    public static void main(String[] args) {
        try {
            Specs s = local();
            List<String> names = new ArrayList<>();
            for (Document d : ALL) {
                s.path(d);
                names.add(d.path());
            }
            validating(Files.readString(s.path(HUB_OPENAPI), StandardCharsets.UTF_8));
            System.err.println("specs: ok (" + String.join(", ", names) + " in " + s.source() + ")");
        } catch (IllegalStateException | IOException | UncheckedIOException e) {
            System.err.println("specs: " + e.getMessage());
            System.exit(1);
        }
    }
}
