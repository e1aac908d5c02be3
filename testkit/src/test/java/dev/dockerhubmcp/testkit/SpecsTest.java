package dev.dockerhubmcp.testkit;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the official documents come from, and the download path against local HTTP(S) servers on 127.0.0.1. */
class SpecsTest {
    private static final byte[] BODY = "openapi: 3.0.3\ninfo: {title: test}\n".getBytes(StandardCharsets.UTF_8);
    private static final Specs.Document DOC = new Specs.Document("the test document", "test/doc.yaml",
        "owner/repo/0123abcd/doc.yaml", sha(BODY));

    @TempDir
    Path tmp;
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable s : servers) {
            s.close();
        }
    }

    @Test
    void downloadsOverHttpsVerifiesAndCachesThenUsesTheCache() throws Exception {
        SSLContext tls = selfSignedTls();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        String base = serve(server, "https");
        files.put("/" + DOC.origin(), BODY);
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
        Path cache = tmp.resolve("cache");

        Path p = new Specs(null, cache, base, client).path(DOC);
        assertEquals(cache.resolve("test/doc.yaml"), p);
        assertEquals(new String(BODY, StandardCharsets.UTF_8), Files.readString(p));
        assertEquals(1, requests.get());
        assertEquals(List.of("doc.yaml"), names(cache.resolve("test")), "no partial files left");

        assertEquals(p, new Specs(null, cache, base, client).path(DOC));
        assertEquals(1, requests.get(), "a good cached copy is used without the network");

        Files.writeString(p, "damaged");
        assertEquals(p, new Specs(null, cache, base, client).path(DOC));
        assertEquals(2, requests.get(), "a damaged cached copy is downloaded again");
        assertEquals(DOC.sha256(), Specs.sha256(p));
    }

    @Test
    void wrongChecksumStopsWithOneLineAndCachesNothing() throws Exception {
        String base = serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
        files.put("/" + DOC.origin(), "openapi: 3.1.0\n".getBytes(StandardCharsets.UTF_8));
        Path cache = tmp.resolve("cache");
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> new Specs(null, cache, base, null).path(DOC));
        assertOneLine(e.getMessage(), DOC.url(base), "SHA-256", DOC.sha256(), "not cached");
        assertEquals(List.of(), names(cache.resolve("test")));
    }

    @Test
    void notFoundStopsWithOneLine() throws Exception {
        String base = serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
        Path cache = tmp.resolve("cache");
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> new Specs(null, cache, base, null).path(DOC));
        assertOneLine(e.getMessage(), DOC.url(base), "HTTP 404", Specs.BASE_URL_ENV, cache.resolve("test/doc.yaml")
            .toString());
        assertEquals(1, requests.get());
        assertEquals(List.of(), names(cache.resolve("test")));
    }

    @Test
    void truncatedBodyStopsWithOneLineAndCachesNothing() throws Exception {
        // announces the whole length, sends half of it, then closes the connection
        ServerSocket ss = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        servers.add(ss);
        Thread t = Thread.ofVirtual().start(() -> {
            try (Socket s = ss.accept()) {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[8192];
                int n = in.read(buf);
                assertTrue(n > 0);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
                out.write(BODY, 0, BODY.length / 2);
                out.flush();
            } catch (IOException ignored) {
                // the client's side of the test reports
            }
        });
        String base = "http://127.0.0.1:" + ss.getLocalPort();
        Path cache = tmp.resolve("cache");
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> new Specs(null, cache, base, null).path(DOC));
        t.join(5000);
        assertOneLine(e.getMessage(), DOC.url(base), "cannot download", Specs.BASE_URL_ENV);
        assertEquals(List.of(), names(cache.resolve("test")));
    }

    @Test
    void sharedCopyComesFirstWithoutTheNetworkAndIsVerified() throws Exception {
        Path shared = tmp.resolve("shared/specs");
        Files.createDirectories(shared.resolve("test"));
        Files.write(shared.resolve("test/doc.yaml"), BODY);
        String closed = "http://127.0.0.1:9";
        assertEquals(shared.resolve("test/doc.yaml"), new Specs(shared, tmp.resolve("cache"), closed, null).path(DOC));
        assertFalse(Files.exists(tmp.resolve("cache")));

        Files.writeString(shared.resolve("test/doc.yaml"), "edited");
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> new Specs(shared, tmp.resolve("cache"), closed, null).path(DOC));
        assertOneLine(e.getMessage(), shared.resolve("test/doc.yaml").toString(), DOC.sha256(),
            DOC.url(Specs.DEFAULT_BASE_URL));
    }

    @Test
    void upFrontStepFetchesThePinnedDocumentsFromTheBaseUrlOverride() throws Exception {
        String base = serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
        for (Specs.Document d : Specs.ALL) {
            files.put("/" + d.origin(), Files.readAllBytes(Specs.local().path(d)));
        }
        Path tools = tmp.resolve("tools");
        Run r = upFront(base, tools);
        assertEquals(0, r.code, r.stderr);
        assertEquals("specs: ok (dockerhub/latest.yaml, scout/scout-schema.graphql in " + tools.resolve("specs") + ")",
            r.stderr.strip());
        for (Specs.Document d : Specs.ALL) {
            assertEquals(d.sha256(), Specs.sha256(tools.resolve("specs").resolve(d.path())));
        }
        assertEquals(2, requests.get());

        assertEquals(0, upFront("http://127.0.0.1:9", tools).code, "the second run uses the cache");
    }

    @Test
    void upFrontStepStopsWithOneLineNamingDocumentAndUrl() throws Exception {
        String base = serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
        Run r = upFront(base, tmp.resolve("tools"));
        assertEquals(1, r.code, r.stderr);
        assertOneLine(r.stderr.strip(), "specs: cannot download the Docker Hub API document",
            Specs.HUB_OPENAPI.url(base), "HTTP 404");
    }

    @Test
    void validatingDocumentHasBothRepairs() throws Exception {
        String original = Files.readString(TestPaths.hubOpenApiOriginal());
        Map<String, Object> doc = yaml(Files.readString(TestPaths.hubOpenApi()));
        Map<String, Object> teamRepo = at(doc, "components", "schemas", "team_repo");
        assertEquals("object", teamRepo.get("type"));
        assertNull(teamRepo.get("allOf"));
        assertEquals(List.of("group_id", "group_name", "permission"),
            List.copyOf(((Map<?, ?>) teamRepo.get("properties")).keySet()));
        Map<String, Object> create = at(doc, "paths", "/v2/namespaces/{namespace}/repositories", "post");
        assertEquals(List.of(Map.of("bearerAuth", List.of())), create.get("security"));
        assertTrue(at(doc, "components", "securitySchemes").containsKey("bearerAuth"));

        Map<String, Object> before = yaml(original);
        assertNotEquals(before, doc);
        at(before, "components", "schemas").put("team_repo", teamRepo);
        at(before, "paths", "/v2/namespaces/{namespace}/repositories", "post").put("security", create.get("security"));
        assertEquals(before, doc, "nothing else changes");
    }

    @Test
    void validatingDocumentEqualsTheSharedValidatingCopy() throws Exception {
        Path shared = Specs.findShared();
        Assumptions.assumeTrue(shared != null && Files.exists(shared.resolve("dockerhub/latest.validating.yaml")),
            "no shared/specs/dockerhub/latest.validating.yaml beside this checkout");
        assertEquals(yaml(Files.readString(shared.resolve("dockerhub/latest.validating.yaml"))),
            yaml(Files.readString(TestPaths.hubOpenApi())));
    }

    @Test
    void repairsThatNoLongerFitAreAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Specs.validating("openapi: 3.0.3\n"));
        assertTrue(e.getMessage().contains("BearerAuth"), e.getMessage());
    }

    private record Run(int code, String stderr) {
    }

    /** {@code java Specs.java} as .ci/install-tools runs it, from a folder with no shared/ above it. */
    private Run upFront(String base, Path tools) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path source = Path.of("src/main/java/dev/dockerhubmcp/testkit/Specs.java").toAbsolutePath();
        Path err = tmp.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Ddockerhubmcp.tools=" + tools,
            "-Ddockerhubmcp.shared=" + tmp.resolve("no-shared"), source.toString())
            .directory(tmp.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        pb.environment().put(Specs.BASE_URL_ENV, base);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("java Specs.java did not finish");
        }
        return new Run(p.exitValue(), Files.readString(err));
    }

    private String serve(HttpServer server, String scheme) {
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            byte[] body = files.get(ex.getRequestURI().getPath());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        servers.add(() -> server.stop(0));
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A self-signed certificate for 127.0.0.1 made with the JDK's keytool; the same context serves and trusts it. */
    private SSLContext selfSignedTls() throws Exception {
        Path ks = tmp.resolve("tls.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "local", "-keyalg", "EC",
            "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
            "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static void assertOneLine(String message, String... parts) {
        assertFalse(message.contains("\n"), message);
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' in: " + message);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        return (Map<String, Object>) new Yaml(options).load(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> doc, String... keys) {
        Map<String, Object> m = doc;
        for (String k : keys) {
            m = (Map<String, Object>) m.get(k);
        }
        return m;
    }

    private static String sha(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
