package dev.dockerhubmcp.testkit.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scriptable registry (JDK HttpServer on 127.0.0.1) for what distribution 2.8 lacks or what is hard to provoke:
 * the OCI 1.1 referrers API ({@code GET /v2/<name>/referrers/<digest>?artifactType=}, switchable off to test the tag
 * fallback), tag-list pagination with {@code n}/{@code last} and {@code Link}, scripted failures (429 storms with
 * {@code Retry-After}, 405, …), {@code RateLimit-*} headers, blob redirects to a second origin (a "storage" server
 * that records whether an Authorization header reached it) and, when asked, Bearer challenges with a token endpoint.
 * Reads only: manifests and blobs are seeded by the test.
 */
public final class FakeRegistry implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ROUTE = Pattern.compile(
        "^/v2/(.+)/(tags/list|manifests/([^/]+)|blobs/([^/]+)|referrers/([^/]+))$");

    /** A scripted answer given instead of the normal one. */
    public record Scripted(int status, Map<String, String> headers, String body) {
    }

    private record Stored(String mediaType, byte[] bytes) {
    }

    private final HttpServer server;
    private final HttpServer storage;
    private final ExecutorService executor;
    private final Map<String, Map<String, Stored>> manifests = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> requestHeaders = new CopyOnWriteArrayList<>();
    private final List<String> storageAuthorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private volatile boolean referrersApi = true;
    private volatile boolean auth;
    private volatile boolean redirectBlobs;
    private volatile int defaultPageSize;
    private volatile String rateLimitLimit;
    private volatile String rateLimitRemaining;

    private FakeRegistry() throws IOException {
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "testkit-fake-registry");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.createContext("/token", this::token);
        storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        storage.setExecutor(executor);
        storage.createContext("/", this::storage);
        server.start();
        storage.start();
    }

    public static FakeRegistry start() {
        try {
            return new FakeRegistry();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake registry", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String tokenRealm() {
        return url() + "/token";
    }

    // ---- content -----------------------------------------------------------------------------------------------

    /** Stores a blob; returns its digest. */
    public String putBlob(byte[] bytes) {
        String d = TestImages.sha256(bytes);
        blobs.put(d, bytes.clone());
        return d;
    }

    /** Stores bytes under a digest they may not match (to test verification). */
    public void putBlobAs(String digest, byte[] bytes) {
        blobs.put(digest, bytes.clone());
    }

    /** Stores a manifest by digest and, when {@code tag} is not null, under that tag; returns its digest. */
    public String putManifest(String repository, String tag, String mediaType, byte[] bytes) {
        String d = TestImages.sha256(bytes);
        manifests.computeIfAbsent(repository, k -> new ConcurrentHashMap<>()).put(d, new Stored(mediaType, bytes.clone()));
        if (tag != null) {
            tags.computeIfAbsent(repository, k -> new ConcurrentHashMap<>()).put(tag, d);
        }
        return d;
    }

    public String putManifest(String repository, String tag, TestImages.Blob manifest) {
        return putManifest(repository, tag, manifest.mediaType(), manifest.bytes());
    }

    /** Stores an image (blobs and manifest) under a tag. */
    public String putImage(String repository, String tag, TestImages.Image image) {
        image.blobs().forEach(b -> putBlob(b.bytes()));
        return putManifest(repository, tag, image.manifest());
    }

    /** Adds tags pointing at an empty manifest, for pagination tests. */
    public void addTags(String repository, List<String> names) {
        String d = putManifest(repository, null, TestImages.OCI_MANIFEST,
            "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> t = tags.computeIfAbsent(repository, k -> new ConcurrentHashMap<>());
        names.forEach(n -> t.put(n, d));
    }

    // ---- behaviour ---------------------------------------------------------------------------------------------

    /** Whether {@code /referrers/} exists (off: 404, as on distribution 2.8 and Docker Hub today). */
    public FakeRegistry referrersApi(boolean on) {
        referrersApi = on;
        return this;
    }

    /** Requires a bearer token from {@link #tokenRealm()} (challenge with realm, service and scope). */
    public FakeRegistry requireAuth(boolean on) {
        auth = on;
        return this;
    }

    /** Answers blob GETs with 307 to a second server (another origin). */
    public FakeRegistry redirectBlobs(boolean on) {
        redirectBlobs = on;
        return this;
    }

    /** Page size used when a tag-list request has no {@code n} (0: everything). */
    public FakeRegistry defaultPageSize(int n) {
        defaultPageSize = n;
        return this;
    }

    /** Adds {@code RateLimit-Limit}/{@code RateLimit-Remaining} to every answer, e.g. {@code 100;w=21600}. */
    public FakeRegistry rateLimit(String limit, String remaining) {
        rateLimitLimit = limit;
        rateLimitRemaining = remaining;
        return this;
    }

    /** The next {@code count} registry requests get this answer instead (a 429 storm, a 405, …). */
    public synchronized FakeRegistry failNext(int count, int status, Map<String, String> headers, String body) {
        for (int i = 0; i < count; i++) {
            script.add(new Scripted(status, headers == null ? Map.of() : Map.copyOf(headers), body));
        }
        return this;
    }

    /** The next {@code count} requests get 429 with {@code Retry-After: retryAfter}. */
    public FakeRegistry tooManyRequests(int count, String retryAfter) {
        return failNext(count, 429, retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter),
            "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"You have reached your pull rate limit.\"}]}");
    }

    /** Every registry request so far, as {@code METHOD /path?query}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The headers (names lowercase) of the request at {@code index} in {@link #requests()}. */
    public Map<String, String> headersOf(int index) {
        return Map.copyOf(requestHeaders.get(index));
    }

    public void clearRequests() {
        requests.clear();
        requestHeaders.clear();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** The Authorization header each storage request carried ("" when none). */
    public List<String> storageAuthorizations() {
        return List.copyOf(storageAuthorizations);
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    private synchronized Scripted nextScripted() {
        return script.poll();
    }

    private void token(HttpExchange ex) throws IOException {
        try (ex) {
            tokenRequests.incrementAndGet();
            ObjectNode out = MAPPER.createObjectNode();
            out.put("access_token", "fake-" + tokenCounter.incrementAndGet());
            out.put("expires_in", 300);
            send(ex, 200, "application/json", out.toString().getBytes(StandardCharsets.UTF_8), false);
        }
    }

    private void storage(HttpExchange ex) throws IOException {
        try (ex) {
            String a = ex.getRequestHeaders().getFirst("Authorization");
            storageAuthorizations.add(a == null ? "" : a);
            String digest = ex.getRequestURI().getPath().substring(1);
            byte[] b = blobs.get(digest);
            if (b == null) {
                send(ex, 404, "text/plain", "no such object".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            send(ex, 200, "application/octet-stream", b, ex.getRequestMethod().equals("HEAD"));
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String rawQuery = ex.getRequestURI().getRawQuery();
            requests.add(method + " " + path + (rawQuery == null ? "" : "?" + rawQuery));
            Map<String, String> h = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), String.join(", ", v)));
            requestHeaders.add(h);
            ex.getRequestBody().readAllBytes();
            boolean head = method.equals("HEAD");
            if (rateLimitLimit != null) {
                ex.getResponseHeaders().set("RateLimit-Limit", rateLimitLimit);
                ex.getResponseHeaders().set("RateLimit-Remaining", rateLimitRemaining);
                ex.getResponseHeaders().set("Docker-RateLimit-Source", "127.0.0.1");
            }
            Matcher m = ROUTE.matcher(path);
            if (auth) {
                String a = ex.getRequestHeaders().getFirst("Authorization");
                if (a == null || !a.startsWith("Bearer fake-")) {
                    String scope = m.matches() ? ",scope=\"repository:" + m.group(1) + ":pull\"" : "";
                    ex.getResponseHeaders().set("WWW-Authenticate",
                        "Bearer realm=\"" + tokenRealm() + "\",service=\"fake-registry\"" + scope);
                    error(ex, 401, "UNAUTHORIZED", "authentication required", head);
                    return;
                }
            }
            Scripted s = nextScripted();
            if (s != null) {
                s.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
                byte[] body = s.body() == null ? new byte[0] : s.body().getBytes(StandardCharsets.UTF_8);
                send(ex, s.status(), "application/json", body, head);
                return;
            }
            if (path.equals("/v2/") || path.equals("/v2")) {
                ex.getResponseHeaders().set("Docker-Distribution-API-Version", "registry/2.0");
                send(ex, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8), head);
                return;
            }
            if (!m.matches()) {
                send(ex, 404, "text/plain", "404 page not found\n".getBytes(StandardCharsets.UTF_8), head);
                return;
            }
            String repo = m.group(1);
            Map<String, List<String>> q = query(rawQuery);
            if (m.group(2).equals("tags/list")) {
                tagList(ex, repo, q, head);
            } else if (m.group(3) != null) {
                manifest(ex, repo, URLDecoder.decode(m.group(3), StandardCharsets.UTF_8), head);
            } else if (m.group(4) != null) {
                blob(ex, m.group(4), head);
            } else {
                referrers(ex, repo, m.group(5), q, head);
            }
        }
    }

    private void tagList(HttpExchange ex, String repo, Map<String, List<String>> q, boolean head) throws IOException {
        Map<String, String> t = tags.get(repo);
        if (t == null) {
            error(ex, 404, "NAME_UNKNOWN", "repository name not known to registry", head);
            return;
        }
        TreeSet<String> sorted = new TreeSet<>(t.keySet());
        String last = first(q, "last");
        List<String> after = new ArrayList<>(last == null ? sorted : sorted.tailSet(last, false));
        int n = first(q, "n") != null ? Integer.parseInt(first(q, "n")) : defaultPageSize;
        List<String> page = n > 0 && after.size() > n ? after.subList(0, n) : after;
        if (n > 0 && after.size() > n) {
            String next = "/v2/" + repo + "/tags/list?last=" + URLEncoder.encode(page.get(page.size() - 1),
                StandardCharsets.UTF_8) + "&n=" + n;
            ex.getResponseHeaders().set("Link", "<" + next + ">; rel=\"next\"");
        }
        ObjectNode out = MAPPER.createObjectNode();
        out.put("name", repo);
        ArrayNode arr = out.putArray("tags");
        page.forEach(arr::add);
        send(ex, 200, "application/json", out.toString().getBytes(StandardCharsets.UTF_8), head);
    }

    private void manifest(HttpExchange ex, String repo, String ref, boolean head) throws IOException {
        Map<String, Stored> repoManifests = manifests.get(repo);
        String digest = ref.contains(":") ? ref : tags.getOrDefault(repo, Map.of()).get(ref);
        Stored s = repoManifests == null || digest == null ? null : repoManifests.get(digest);
        if (s == null) {
            error(ex, 404, "MANIFEST_UNKNOWN", "manifest unknown", head);
            return;
        }
        ex.getResponseHeaders().set("Docker-Content-Digest", digest);
        send(ex, 200, s.mediaType(), s.bytes(), head);
    }

    private void blob(HttpExchange ex, String digest, boolean head) throws IOException {
        byte[] b = blobs.get(digest);
        if (b == null) {
            error(ex, 404, "BLOB_UNKNOWN", "blob unknown to registry", head);
            return;
        }
        if (redirectBlobs && !head) {
            ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + storage.getAddress().getPort() + "/" + digest);
            send(ex, 307, "text/plain", new byte[0], false);
            return;
        }
        ex.getResponseHeaders().set("Docker-Content-Digest", digest);
        send(ex, 200, "application/octet-stream", b, head);
    }

    private void referrers(HttpExchange ex, String repo, String digest, Map<String, List<String>> q, boolean head)
        throws IOException {
        if (!referrersApi) {
            send(ex, 404, "text/plain", "404 page not found\n".getBytes(StandardCharsets.UTF_8), head);
            return;
        }
        String filter = first(q, "artifactType");
        ObjectNode index = MAPPER.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", TestImages.OCI_INDEX);
        ArrayNode list = index.putArray("manifests");
        for (Map.Entry<String, Stored> e : manifests.getOrDefault(repo, Map.of()).entrySet()) {
            JsonNode mf = MAPPER.readTree(e.getValue().bytes());
            if (!digest.equals(mf.path("subject").path("digest").asText())) {
                continue;
            }
            String type = mf.path("artifactType").asText(mf.path("config").path("mediaType").asText());
            if (filter != null && !filter.equals(type)) {
                continue;
            }
            ObjectNode d = list.addObject();
            d.put("mediaType", e.getValue().mediaType());
            d.put("digest", e.getKey());
            d.put("size", e.getValue().bytes().length);
            d.put("artifactType", type);
            if (mf.has("annotations")) {
                d.set("annotations", mf.get("annotations"));
            }
        }
        if (filter != null) {
            ex.getResponseHeaders().set("OCI-Filters-Applied", "artifactType");
        }
        send(ex, 200, TestImages.OCI_INDEX, index.toString().getBytes(StandardCharsets.UTF_8), head);
    }

    private static void error(HttpExchange ex, int status, String code, String message, boolean head)
        throws IOException {
        String body = "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"detail\":null}]}";
        send(ex, status, "application/json", body.getBytes(StandardCharsets.UTF_8), head);
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body, boolean head)
        throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        if (head) {
            ex.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String first(Map<String, List<String>> q, String k) {
        List<String> v = q.get(k);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
        storage.stop(0);
        executor.shutdownNow();
    }
}
