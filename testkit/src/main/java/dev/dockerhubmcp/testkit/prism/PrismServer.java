package dev.dockerhubmcp.testkit.prism;

import dev.dockerhubmcp.testkit.TestPaths;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Prism ({@code @stoplight/prism-cli}) serving the official Docker Hub OpenAPI document in validating mode
 * ({@code --errors}) on 127.0.0.1: a request that breaks the contract (path, parameters, body) is answered 422, or the
 * 4xx the operation documents (often 400), and Prism logs a {@code Violation:} line naming the rule. Point the Hub
 * client at it and assert {@link #violations()} stays empty to check every request shape we send.
 */
public final class PrismServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private PrismServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Prism on the validating copy of the Hub document and waits until it listens (at most 90 s). */
    public static PrismServer start() {
        return start(TestPaths.hubOpenApi());
    }

    public static PrismServer start(Path document) {
        int port = freePort();
        Path prism = TestPaths.tools().resolve("node_modules/@stoplight/prism-cli/dist/index.js");
        if (!Files.exists(prism)) {
            throw new IllegalStateException("Prism not installed at " + prism + "; run .ci/install-tools");
        }
        try {
            Path log = Files.createTempFile("prism-", ".log");
            ProcessBuilder pb = new ProcessBuilder(List.of(TestPaths.node().toString(), prism.toString(), "mock",
                document.toString(), "--errors", "-h", "127.0.0.1", "-p", String.valueOf(port), "--cors", "false"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
            Process p = pb.start();
            PrismServer server = new PrismServer(p, port, log);
            server.awaitListening(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Prism", e);
        }
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism exited (" + process.exitValue() + "): " + logTail());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
        throw new IllegalStateException("Prism did not listen within " + timeout.toSeconds() + " s: " + logTail());
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Every request violation Prism logged so far ({@code request.body.x …}, {@code request.query.y …}); use
     * {@link #violations()}{@code .size()} as a mark and {@link #violationsSince(int)} to check one call.
     */
    public List<String> violations() {
        settle();
        try {
            return Files.readAllLines(log).stream().filter(l -> l.contains("Violation:"))
                .map(l -> l.substring(l.indexOf("Violation:"))).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Prism's log", e);
        }
    }

    public List<String> violationsSince(int mark) {
        List<String> all = violations();
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    /** Where the log stands before a call: the violations and the requests logged so far. */
    public record Mark(int violations, int requests) {
    }

    public Mark mark() {
        String all = read();
        return new Mark(violations().size(), count(all, RECEIVED));
    }

    /**
     * The violations logged for the requests made since {@code mark}. Prism's logger writes asynchronously and, on a
     * loaded machine, seconds after it answered: this waits (at most 30 s) until the log shows a request after the
     * mark and an outcome for every request received, so a call's violations are never read before they are written.
     */
    public List<String> violationsSince(Mark mark) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            String all = read();
            int received = count(all, RECEIVED);
            if (received > mark.requests() && received <= count(all, ANSWERED) + count(all, TERMINATED)) {
                break;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return violationsSince(mark.violations());
    }

    private static final String RECEIVED = "Request received";
    private static final String ANSWERED = "> Responding with";
    private static final String TERMINATED = "Request terminated";

    private String read() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** What Prism logged (its validation messages name the violated rule). */
    public String logTail() {
        settle();
        try {
            String all = Files.readString(log);
            return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /**
     * Prism writes its log asynchronously, after it has answered: waits until the log has stopped growing for
     * 150 ms (at most 3 s), so a check right after a call sees that call's lines.
     */
    public void settle() {
        long deadline = System.nanoTime() + 3_000_000_000L;
        long size = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now;
            try {
                now = Files.size(log);
            } catch (IOException e) {
                return;
            }
            if (now != size) {
                size = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= 150_000_000L) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // temp file
        }
    }
}
