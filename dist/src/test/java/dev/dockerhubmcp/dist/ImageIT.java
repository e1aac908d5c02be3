package dev.dockerhubmcp.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHub;
import dev.dockerhubmcp.testkit.registry.RealRegistry;
import dev.dockerhubmcp.testkit.registry.TokenServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The OCI image the build made (target/dockerhub-mcp-image.tar), without a container engine: pushed to Debian's
 * docker-registry with skopeo, copied back out to an OCI layout, unpacked with umoci, and its entry point (as umoci's
 * runtime config gives it: arguments, environment, user, working directory) run in that root filesystem under
 * {@code unshare --root} with its own /proc and the machine's /dev. Over stdio: MCP handshake, tools/list and a tool call against a fake Hub
 * on 127.0.0.1 (same network namespace); over HTTP: /health. The AOT cache baked into the image must load
 * ({@code -XX:AOTMode=on} fails the start otherwise). Then our registry plugin, from the image's plugins/, reads the
 * pushed image back.
 */
class ImageIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ENDPOINT = Pattern.compile("serving MCP at (http://127\\.0\\.0\\.1:(\\d+)/mcp)");
    private static final String REPO = "tools/dockerhub-mcp";
    private static final String TAG = "0.1.0";

    @TempDir
    static Path tmp;

    private static TokenServer tokens;
    private static RealRegistry registry;
    private static Path rootfs;
    private static JsonNode process;
    private static String manifestDigest;

    @BeforeAll
    static void pushPullUnpack() throws Exception {
        assumeFalse(Boolean.getBoolean("dockerhubmcp.skipImage"), "built with -Ddockerhubmcp.skipImage=true");
        Path image = Path.of(System.getProperty("dockerhubmcp.image", "target/dockerhub-mcp-image.tar"));
        assertTrue(Files.isRegularFile(image), "no image archive at " + image + " (the dist build makes it)");
        for (String tool : List.of("/usr/bin/skopeo", "/usr/bin/umoci", "/usr/bin/unshare")) {
            assertTrue(Files.isExecutable(Path.of(tool)), tool + " is missing: run .ci/install-tools");
        }
        tokens = TokenServer.builder().user("alice", "alice-pw").grant("alice", "*", "pull", "push").start();
        registry = RealRegistry.start(tokens);
        String ref = registry.hostPort() + "/" + REPO + ":" + TAG;
        run("skopeo", "--insecure-policy", "copy", "-q", "--dest-tls-verify=false", "--dest-creds", "alice:alice-pw",
            "oci-archive:" + image, "docker://" + ref);
        Path layout = tmp.resolve("layout");
        run("skopeo", "--insecure-policy", "copy", "-q", "--src-tls-verify=false", "--src-creds", "alice:alice-pw",
            "docker://" + ref, "oci:" + layout + ":test");
        manifestDigest = MAPPER.readTree(layout.resolve("index.json").toFile()).path("manifests").get(0)
            .path("digest").asText();
        Path bundle = tmp.resolve("bundle");
        List<String> unpack = new ArrayList<>(List.of("umoci", "unpack"));
        if (!isRoot()) {
            unpack.add("--rootless");
        }
        unpack.addAll(List.of("--image", layout + ":test", bundle.toString()));
        run(unpack.toArray(String[]::new));
        rootfs = bundle.resolve("rootfs");
        process = MAPPER.readTree(bundle.resolve("config.json").toFile()).path("process");
        assertEquals(65532, process.path("user").path("uid").asInt(), "runs as the non-root user");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * The image's entry point run in its root filesystem, with extra arguments. As a container runtime does: its own
     * mount and PID namespaces, /proc mounted, the machine's /dev bound in (without /dev/urandom seeding the JVM's
     * SecureRandom takes seconds), then the image's user and working directory.
     */
    private static List<String> command(String... extra) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork", "--kill-child"));
        List<String> user = List.of();
        if (isRoot()) {
            user = List.of("--setuid=" + process.path("user").path("uid").asInt(),
                "--setgid=" + process.path("user").path("gid").asInt());
        } else {
            cmd.addAll(1, List.of("--user", "--map-root-user"));
        }
        cmd.addAll(List.of("/bin/sh", "-c", "mount --rbind /dev \"$0/dev\" && mount -t proc proc \"$0/proc\""
            + " && exec /usr/bin/unshare --root=\"$0\" \"$@\"", rootfs.toString(),
            "--wd=" + process.path("cwd").asText("/")));
        cmd.addAll(user);
        process.path("args").forEach(a -> cmd.add(a.asText()));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    /** The image's environment, upstreams pointing at the test's servers, and the AOT cache required. */
    private static Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        process.path("env").forEach(e -> {
            String s = e.asText();
            env.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        });
        env.put("DOCKERHUB_URL", "http://127.0.0.1:9");
        env.put("DOCKER_REGISTRY_URL", "http://127.0.0.1:9");
        env.put("DOCKER_SCOUT_URL", "http://127.0.0.1:9");
        env.put("JDK_JAVA_OPTIONS", "-XX:AOTMode=on");
        env.putAll(extra);
        return env;
    }

    @Test
    void theEntryPointServesMcpOverStdioInTheImagesRootFilesystem() throws Exception {
        assertTrue(process.path("args").get(0).asText().startsWith("/opt/dockerhub-mcp/"), process.toString());
        try (FakeHub hub = FakeHub.start().requireAuth(false)) {
            hub.on("GET", "/v2/namespaces/library/repositories").respond(200, "{\"count\":1,\"next\":null,"
                + "\"previous\":null,\"results\":[{\"name\":\"nginx\",\"namespace\":\"library\",\"pull_count\":7}]}");
            List<String> cmd = command();
            ServerParameters params = ServerParameters.builder(cmd.get(0)).args(cmd.subList(1, cmd.size()))
                .env(env(Map.of("DOCKERHUB_URL", hub.url()))).build();
            try (McpSyncClient c = McpClient.sync(new StdioClientTransport(params, new JacksonMcpJsonMapper(MAPPER)))
                .requestTimeout(Duration.ofSeconds(60)).initializationTimeout(Duration.ofSeconds(90)).build()) {
                McpSchema.InitializeResult init = c.initialize();
                assertEquals("dockerhub-mcp", init.serverInfo().name());
                List<String> names = c.listTools().tools().stream().map(McpSchema.Tool::name).toList();
                for (String id : Dist.bundledIds()) {
                    assertTrue(names.contains("hub_" + id), id + " missing from " + names);
                }
                McpSchema.CallToolResult r = c.callTool(new McpSchema.CallToolRequest("hub_repos",
                    Map.of("action", "list", "namespace", "library", "page_size", 5)));
                assertFalse(Boolean.TRUE.equals(r.isError()), String.valueOf(r.content()));
                JsonNode envelope = MAPPER.valueToTree(r.structuredContent());
                assertEquals(200, envelope.path("status_code").asInt(), envelope.toString());
                assertTrue(envelope.toString().contains("nginx"), envelope.toString());
            }
            assertEquals("5", hub.lastRequest().queryParam("page_size").orElseThrow());
        }
    }

    @Test
    void theEntryPointServesStreamableHttpWithHealth() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command("--transport", "streamable-http", "--port", "0"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env(Map.of()));
        Process p = pb.start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            StringBuilder seen = new StringBuilder();
            URI mcp = null;
            String line;
            while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
                seen.append(line).append('\n');
                Matcher m = ENDPOINT.matcher(line);
                if (m.find()) {
                    mcp = URI.create(m.group(1));
                    break;
                }
            }
            assertTrue(mcp != null, "server did not start: " + seen);
            Thread.ofVirtual().start(() -> drain(p.getErrorStream()));
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(mcp.resolve("/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), health.body());
                assertEquals("ok", MAPPER.readTree(health.body()).path("status").asText(), health.body());
            }
        } finally {
            p.destroy();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void theRegistryPluginFromTheImageReadsThePushedImageBack() throws Exception {
        Path jar;
        try (var s = Files.list(rootfs.resolve("opt/dockerhub-mcp/plugins"))) {
            jar = s.filter(f -> f.getFileName().toString().startsWith("plugin-registry-")).findFirst().orElseThrow();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
             ActionHarness h = ActionHarness.builder().registry(registry.url()).registryAuth(tokens.realm())
                 .registryCredentials("alice", "alice-pw").build()) {
            DockerHubPlugin plugin = ServiceLoader.load(DockerHubPlugin.class, loader).stream()
                .map(ServiceLoader.Provider::get).filter(x -> x.id().equals("registry")).findFirst().orElseThrow();
            String args = "{\"repository\":\"" + REPO + "\",\"reference\":\"" + TAG + "\"}";
            Result inspect = h.call(plugin, "inspect", args);
            assertFalse(inspect.isError(), () -> String.valueOf(inspect.error()));
            assertEquals(manifestDigest, inspect.data().path("digest").asText(), inspect.data().toString());
            Result platforms = h.call(plugin, "list_platforms", args);
            assertFalse(platforms.isError(), () -> String.valueOf(platforms.error()));
            String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : System.getProperty("os.arch");
            assertEquals("linux/" + arch, platforms.data().path("platforms").get(0).path("platform").asText(),
                platforms.data().toString());
            assertEquals(1, platforms.data().path("platforms").size(), platforms.data().toString());
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // process ended
        }
    }
}
