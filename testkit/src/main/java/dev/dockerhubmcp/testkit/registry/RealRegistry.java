package dev.dockerhubmcp.testkit.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The registry under test: Debian's {@code docker-registry} (CNCF distribution 2.8.2) serving 127.0.0.1 on a free
 * port, filesystem storage in a temporary directory, deletes enabled, and token auth against a {@link TokenServer}
 * (whose certificate is its {@code rootcertbundle}). {@link #close()} kills the process and deletes the directory.
 *
 * <pre>{@code
 * try (TokenServer tokens = TokenServer.builder().user("alice", "pw").grant("alice", "*", "pull", "push", "delete")
 *          .grant(null, "public/*", "pull").start();
 *      RealRegistry registry = RealRegistry.start(tokens)) {
 *     registry.url(); // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class RealRegistry implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private final Path dir;
    private final Process process;
    private final int port;
    private final TokenServer tokens;

    private RealRegistry(Path dir, Process process, int port, TokenServer tokens) {
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.tokens = tokens;
    }

    /** The registry binary, or a clear failure telling how to install it. */
    public static Path binary() {
        for (String candidate : new String[] {"/usr/bin/docker-registry", "/usr/local/bin/docker-registry"}) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(":")) {
                Path p = Path.of(d, "docker-registry");
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("docker-registry (CNCF distribution 2.8) is not installed: run .ci/install-tools"
            + " (apt-get install docker-registry)");
    }

    public static boolean installed() {
        try {
            binary();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Starts a registry trusting {@code tokens}; fails within seconds with the registry's log when it cannot. */
    public static RealRegistry start(TokenServer tokens) {
        requireNonNull(tokens, "tokens is null");
        Path bin = binary();
        Path dir;
        try {
            dir = Files.createTempDirectory("testkit-registry-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory", e);
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                Files.writeString(dir.resolve("root.pem"), tokens.certificatePem());
                Files.writeString(dir.resolve("config.yml"), config(dir, port, tokens));
                Process p = new ProcessBuilder(bin.toString(), "serve", dir.resolve("config.yml").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("registry.log").toFile())
                    .start();
                RealRegistry r = new RealRegistry(dir, p, port, tokens);
                try {
                    r.awaitReady();
                    return r;
                } catch (IllegalStateException e) {
                    r.stopProcess();
                    last = e;
                }
            } catch (IOException e) {
                last = new IllegalStateException("cannot start docker-registry: " + e.getMessage(), e);
            }
        }
        deleteTree(dir);
        throw last;
    }

    static String config(Path dir, int port, TokenServer tokens) {
        return """
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: %s
              delete:
                enabled: true
              maintenance:
                uploadpurging:
                  enabled: false
            http:
              addr: 127.0.0.1:%d
              secret: %s
            health:
              storagedriver:
                enabled: false
            auth:
              token:
                realm: %s
                service: %s
                issuer: %s
                rootcertbundle: %s
            """.formatted(dir.resolve("data"), port, UUID.randomUUID(), tokens.realm(), tokens.service(),
            tokens.issuer(), dir.resolve("root.pem"));
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build()) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url() + "/v2/")).timeout(Duration.ofSeconds(2)).build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("docker-registry exited with " + process.exitValue() + ": " + log());
                }
                try {
                    HttpResponse<Void> r = client.send(req, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 401 || r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(25);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting docker-registry");
        }
        throw new IllegalStateException("docker-registry did not answer within " + READY_TIMEOUT.toSeconds() + " s: "
            + log());
    }

    /** http://127.0.0.1:port */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** 127.0.0.1:port (for skopeo's docker:// references). */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public TokenServer tokens() {
        return tokens;
    }

    /** The storage root (blobs and repositories as distribution lays them out). */
    public Path storage() {
        return dir.resolve("data");
    }

    /** The registry's own log so far. */
    public String log() {
        try {
            Path f = dir.resolve("registry.log");
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void stopProcess() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopProcess();
        deleteTree(dir);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort; the OS cleans temp eventually
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
