package dev.dockerhubmcp.engine.http.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.api.registry.RegistryBody;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.RegistryResponse;
import dev.dockerhubmcp.api.registry.RegistryStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against tiny in-test servers: one registry origin, one token realm, one storage origin. */
class DefaultRegistryClientTest {
    /** What a server saw: method, path?query, Authorization, Accept, Content-Type, Content-Range, body. */
    record Seen(String method, String uri, String authorization, String accept, String contentType, String range,
                byte[] body) {
    }

    interface Handler {
        void handle(HttpExchange ex, byte[] body) throws IOException;
    }

    HttpServer registry;
    HttpServer storage;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final List<Seen> seenStorage = new CopyOnWriteArrayList<>();
    final AtomicInteger tokens = new AtomicInteger();
    volatile Handler registryHandler;
    DefaultUpstreams upstreams;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/", ex -> serve(ex, seen, registryHandler));
        registry.createContext("/token", ex -> serve(ex, seen, (e, b) -> {
            tokens.incrementAndGet();
            String auth = e.getRequestHeaders().getFirst("Authorization");
            if (!("Basic " + Base64.getEncoder().encodeToString("u:p".getBytes())).equals(auth)) {
                reply(e, 401, Map.of(), "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad creds\"}]}");
                return;
            }
            reply(e, 200, Map.of(), "{\"token\":\"tok-" + tokens.get() + "\",\"expires_in\":300}");
        }));
        registry.start();
        storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        storage.createContext("/", ex -> serve(ex, seenStorage, (e, b) -> reply(e, 200, Map.of(), "blob-bytes")));
        storage.start();
    }

    @AfterEach
    void stop() {
        if (upstreams != null) {
            upstreams.close();
        }
        registry.stop(0);
        storage.stop(0);
    }

    RegistryClient client(Credentials credentials) {
        upstreams = new DefaultUpstreams(UpstreamConfig.builder().registryUrl(url())
            .registryAuthUrl(url() + "/token").registryCredentials(credentials).maxRetries(2)
            .maxRetryWait(Duration.ofSeconds(1)).connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(5)).build());
        return upstreams.registry();
    }

    String url() {
        return "http://127.0.0.1:" + registry.getAddress().getPort();
    }

    /** A registry that wants a bearer token "tok-*" and otherwise answers with {@code then}. */
    void bearerRegistry(Handler then) {
        registryHandler = (ex, body) -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer tok-")) {
                reply(ex, 401, Map.of("WWW-Authenticate", "Bearer realm=\"" + url() + "/token\",service=\"reg,1\","
                    + "scope=\"repository:team/app:pull\""), "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
                return;
            }
            then.handle(ex, body);
        };
    }

    @Test
    void bearerChallengeThenCachedTokenSentUpFront() {
        bearerRegistry((ex, b) -> reply(ex, 200, Map.of("Docker-Content-Digest", "sha256:abc"), "{}"));
        RegistryClient c = client(Credentials.of("u", "p", "test"));
        RegistryResponse r = c.send(RegistryRequest.builder("GET", "team/app").path("manifests/v1").build());
        assertEquals(200, r.status());
        assertEquals(List.of("GET /v2/team/app/manifests/v1", "GET /token?service=reg%2C1&scope=repository%3Ateam%2Fapp%3Apull",
            "GET /v2/team/app/manifests/v1"), seen.stream().map(s -> s.method() + " " + s.uri()).toList());
        assertEquals(RegistryClient.MANIFEST_ACCEPT, seen.get(0).accept());
        assertEquals("Bearer tok-1", seen.get(2).authorization());
        seen.clear();
        c.send(RegistryRequest.builder("HEAD", "team/app").path("manifests/v2").build());
        assertEquals(1, seen.size(), "the realm is known: the cached token goes with the first request");
        assertEquals("Bearer tok-1", seen.get(0).authorization());
        assertEquals(1, tokens.get());
    }

    @Test
    void refusedCredentialsAtTheRealmAreUnauthorized() {
        bearerRegistry((ex, b) -> reply(ex, 200, Map.of(), "{}"));
        RegistryClient c = client(Credentials.of("u", "wrong", "test"));
        ActionException e = assertThrows(ActionException.class,
            () -> c.send(RegistryRequest.builder("GET", "team/app").path("tags/list").build()));
        assertEquals(ErrorType.UNAUTHORIZED, e.error().type());
        assertTrue(e.getMessage().contains("token service") && e.getMessage().contains("u (from test)"),
            e.getMessage());
    }

    @Test
    void basicChallengeIsAnsweredWithCredentials() {
        registryHandler = (ex, b) -> {
            if (ex.getRequestHeaders().getFirst("Authorization") == null) {
                reply(ex, 401, Map.of("WWW-Authenticate", "Basic realm=\"registry\""), "");
                return;
            }
            reply(ex, 200, Map.of(), "{\"tags\":[]}");
        };
        RegistryClient c = client(Credentials.of("u", "p", "test"));
        c.send(RegistryRequest.builder("GET", "team/app").path("tags/list").build());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("u:p".getBytes()), seen.get(1).authorization());
    }

    @Test
    void anonymousWithoutChallengeAnswerKeepsTheRegistryError() {
        registryHandler = (ex, b) -> reply(ex, 404, Map.of(),
            "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"x\"}}]}");
        RegistryClient c = client(Credentials.ANONYMOUS);
        ActionException e = assertThrows(ActionException.class,
            () -> c.send(RegistryRequest.builder("GET", "team/app").path("manifests/x").build()));
        assertEquals(ErrorType.NOT_FOUND, e.error().type());
        assertEquals("MANIFEST_UNKNOWN", e.error().details().path("errors").get(0).path("code").asText());
        assertEquals("x", e.error().details().path("errors").get(0).path("detail").path("Tag").asText());
        RegistryResponse accepted = c.send(RegistryRequest.builder("HEAD", "team/app").path("manifests/x")
            .accepting(404).build());
        assertEquals(404, accepted.status());
    }

    @Test
    void blobRedirectToAnotherOriginDropsAuthorization() throws Exception {
        String storageUrl = "http://127.0.0.1:" + storage.getAddress().getPort() + "/bucket/obj?sig=1";
        bearerRegistry((ex, b) -> reply(ex, 307, Map.of("Location", storageUrl), ""));
        RegistryClient c = client(Credentials.of("u", "p", "test"));
        try (RegistryStream s = c.open(RegistryRequest.builder("GET", "team/app")
            .path("blobs/sha256:" + "a".repeat(64)).build())) {
            assertEquals(200, s.status());
            assertEquals("blob-bytes", new String(s.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(1, seenStorage.size());
        assertNull(seenStorage.get(0).authorization(), "no token for the storage origin");
        assertEquals("GET /bucket/obj?sig=1", seenStorage.get(0).method() + " " + seenStorage.get(0).uri());
    }

    @Test
    void relativeAndAbsoluteLocationsAndStreamedFileRanges() throws Exception {
        bearerRegistry((ex, b) -> reply(ex, 202, Map.of("Location", "/v2/team/app/blobs/uploads/u1?_state=s"), ""));
        RegistryClient c = client(Credentials.of("u", "p", "test"));
        Path file = tmp.resolve("f.bin");
        byte[] bytes = new byte[100_000];
        new java.util.Random(2).nextBytes(bytes);
        Files.write(file, bytes);
        c.send(RegistryRequest.builder("PATCH", "team/app").location("/v2/team/app/blobs/uploads/u1?_state=s")
            .actions("pull,push").header("Content-Range", "10-59999").body(RegistryBody.fileRange(file, 10, 59_990))
            .build());
        Seen patch = seen.get(seen.size() - 1);
        assertEquals("PATCH /v2/team/app/blobs/uploads/u1?_state=s", patch.method() + " " + patch.uri());
        assertEquals("application/octet-stream", patch.contentType());
        assertEquals("10-59999", patch.range());
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 10, 60_000), patch.body());

        c.send(RegistryRequest.builder("PUT", "team/app").location(url() + "/v2/team/app/blobs/uploads/u1?_state=s")
            .actions("pull,push").query("digest", "sha256:" + "b".repeat(64)).build());
        Seen put = seen.get(seen.size() - 1);
        assertEquals("PUT /v2/team/app/blobs/uploads/u1?_state=s&digest=sha256%3A" + "b".repeat(64),
            put.method() + " " + put.uri());
        assertTrue(seen.stream().anyMatch(s -> s.uri().contains("scope=repository%3Ateam%2Fapp%3Apull%2Cpush")));
    }

    @Test
    void grammarIsCheckedBeforeAnyRequest() {
        registryHandler = (ex, b) -> reply(ex, 200, Map.of(), "{}");
        RegistryClient c = client(Credentials.ANONYMOUS);
        for (String path : List.of("manifests/../../x", "manifests/a b", "blobs/nodigest", "tags/list/../x",
            "blobs/uploads/../../v2")) {
            ActionException e = assertThrows(ActionException.class,
                () -> c.send(RegistryRequest.builder("GET", "team/app").path(path).build()), path);
            assertEquals(ErrorType.VALIDATION, e.error().type());
        }
        assertThrows(ActionException.class, () -> c.send(RegistryRequest.builder("GET", "Team/App")
            .path("tags/list").build()));
        assertThrows(ActionException.class, () -> c.send(RegistryRequest.builder("PUT", "team/app")
            .location("file:///etc/passwd").build()));
        assertThrows(ActionException.class, () -> c.send(RegistryRequest.builder("PUT", "team/app")
            .location("/v2/../x").build()));
        assertTrue(seen.isEmpty());
    }

    @Test
    void getIsRetriedOn503ButPostIsNot() {
        AtomicInteger calls = new AtomicInteger();
        registryHandler = (ex, b) -> {
            if (calls.incrementAndGet() == 1 || ex.getRequestMethod().equals("POST")) {
                reply(ex, 503, Map.of("Retry-After", "0"), "{\"errors\":[{\"code\":\"UNAVAILABLE\"}]}");
                return;
            }
            reply(ex, 200, Map.of(), "{\"tags\":[\"a\"]}");
        };
        RegistryClient c = client(Credentials.ANONYMOUS);
        assertEquals(200, c.send(RegistryRequest.builder("GET", "team/app").path("tags/list").build()).status());
        assertEquals(2, calls.get());
        calls.set(10);
        ActionException e = assertThrows(ActionException.class, () -> c.send(RegistryRequest.builder("POST", "team/app")
            .path("blobs/uploads/").build()));
        assertEquals(503, e.error().statusCode());
        assertEquals(11, calls.get(), "a POST may have been applied: not repeated");
    }

    private static void serve(HttpExchange ex, List<Seen> log, Handler h) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String q = ex.getRequestURI().getRawQuery();
            var hd = ex.getRequestHeaders();
            log.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath() + (q == null ? "" : "?" + q),
                hd.getFirst("Authorization"), hd.getFirst("Accept"), hd.getFirst("Content-Type"),
                hd.getFirst("Content-Range"), body));
            h.handle(ex, body);
        }
    }

    private static void reply(HttpExchange ex, int status, Map<String, String> headers, String body)
        throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Content-Type", "application/json");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || b.length == 0 ? -1 : b.length);
        if (!head && b.length > 0) {
            ex.getResponseBody().write(b);
        }
    }
}
