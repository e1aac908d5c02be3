package dev.dockerhubmcp.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * File arguments through MCP against the distribution and a real registry (distribution 2.8, token auth): paths
 * inside DOCKERHUB_FILES_DIR work for get_blob, push_blob, upload_chunk and complete_upload; paths outside are refused
 * before anything is read or written; read-only mode lists and runs nothing that writes a file.
 */
class LocalFilesIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static TokenServer tokens;
    private static RealRegistry registry;

    @TempDir
    Path tmp;
    Path files;
    Path outside;

    @BeforeAll
    static void startRegistry() {
        tokens = TokenServer.builder().user("alice", "alice-pw").grant("alice", "*", "pull", "push", "delete").start();
        registry = RealRegistry.start(tokens);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    @BeforeEach
    void dirs() throws IOException {
        files = Files.createDirectories(tmp.resolve("files"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.write(outside.resolve("secret.bin"), bytes(3000, 99));
    }

    private McpSyncClient client(String mode, Map<String, String> extra) throws Exception {
        Path plugins = Dist.pluginsDir(tmp.resolve("plugins-" + mode + extra.hashCode()), true);
        Map<String, String> env = new LinkedHashMap<>(Map.of(
            "DOCKER_REGISTRY_URL", registry.url(),
            "DOCKER_REGISTRY_AUTH_URL", tokens.realm(),
            "DOCKER_HUB_USER", "alice",
            "DOCKER_HUB_TOKEN", "alice-pw",
            "DOCKERHUB_ALLOW_DESTRUCTIVE", "true"));
        env.putAll(extra);
        // the test registry is not Docker Hub: its login comes from the Docker CLI config, as a user's would
        Path docker = Files.createDirectories(tmp.resolve("home").resolve(".docker"));
        String login = java.util.Base64.getEncoder().encodeToString("alice:alice-pw".getBytes(UTF_8));
        Files.writeString(docker.resolve("config.json"),
            "{\"auths\":{\"" + registry.hostPort() + "\":{\"auth\":\"" + login + "\"}}}");
        ServerParameters params = ServerParameters.builder(Dist.launcher().toString())
            .args("--plugins-dir", plugins.toString(), "--tool-mode", mode).env(Dist.env(tmp.resolve("home"), env))
            .build();
        McpSyncClient c = McpClient.sync(new StdioClientTransport(params, new JacksonMcpJsonMapper(MAPPER)))
            .requestTimeout(Duration.ofSeconds(60)).initializationTimeout(Duration.ofSeconds(60)).build();
        c.initialize();
        return c;
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private record Answer(boolean error, JsonNode content) {
        JsonNode data() {
            return content.path("data");
        }

        String message() {
            return content.path("error").path("message").asText(content.toString());
        }

        String type() {
            return content.path("error").path("type").asText();
        }
    }

    private static Answer call(McpSyncClient c, String tool, Object... kv) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            args.put((String) kv[i], kv[i + 1]);
        }
        McpSchema.CallToolResult r = c.callTool(new McpSchema.CallToolRequest(tool, args));
        JsonNode content = r.structuredContent() != null ? MAPPER.valueToTree(r.structuredContent())
            : MAPPER.valueToTree(Map.of("error", Map.of("message", String.valueOf(r.content()))));
        return new Answer(Boolean.TRUE.equals(r.isError()), content);
    }

    private static Answer ok(Answer a) {
        assertFalse(a.error(), a.content().toString());
        return a;
    }

    private static String refused(Answer a, String field) {
        assertTrue(a.error(), a.content().toString());
        assertTrue(a.message().contains("'" + field + "'"), a.message());
        return a.message();
    }

    private boolean exists(McpSyncClient c, String repo, String digest) {
        return ok(call(c, "hub_registry_check_blob", "repository", repo, "digest", digest)).content()
            .path("exists").asBoolean();
    }

    /** Every file under a directory, relative names. */
    private static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void pathsInsideTheFilesDirectoryWorkAndOutsideAreRefusedBeforeAnythingIsReadOrWritten() throws Exception {
        byte[] blob = bytes(5000, 1);
        byte[] chunked = bytes(4000, 2);
        byte[] last = bytes(1500, 3);
        Files.write(files.resolve("blob.bin"), blob);
        Files.write(files.resolve("chunk.bin"), chunked);
        Files.write(files.resolve("last.bin"), last);
        Files.createDirectories(files.resolve("out"));
        Files.createSymbolicLink(files.resolve("escape"), outside);
        String secret = sha256(Files.readAllBytes(outside.resolve("secret.bin")));
        String repo = "team/files";
        try (McpSyncClient c = client("granular", Map.of("DOCKERHUB_FILES_DIR", files.toString()))) {
            // push_blob: relative inside works; absolute outside and a link out are refused, nothing uploaded
            assertEquals(sha256(blob), ok(call(c, "hub_registry_push_blob", "repository", repo,
                "source_path", "blob.bin")).data().path("digest").asText());
            refused(call(c, "hub_registry_push_blob", "repository", repo,
                "source_path", outside.resolve("secret.bin").toString()), "source_path");
            refused(call(c, "hub_registry_push_blob", "repository", repo, "source_path", "escape/secret.bin"),
                "source_path");
            refused(call(c, "hub_registry_push_blob", "repository", repo, "source_path", "../outside/secret.bin"),
                "source_path");
            assertFalse(exists(c, repo, secret));

            // upload_chunk and complete_upload: the same rule for source_path
            String location = ok(call(c, "hub_registry_start_upload", "repository", repo)).data().path("location")
                .asText();
            refused(call(c, "hub_registry_upload_chunk", "repository", repo, "location", location,
                "source_path", outside.resolve("secret.bin").toString()), "source_path");
            location = ok(call(c, "hub_registry_upload_chunk", "repository", repo, "location", location,
                "source_path", files.resolve("chunk.bin").toString())).data().path("location").asText();
            refused(call(c, "hub_registry_complete_upload", "repository", repo, "location", location,
                "digest", secret, "source_path", "escape/secret.bin"), "source_path");
            assertFalse(exists(c, repo, secret));
            byte[] whole = new byte[chunked.length + last.length];
            System.arraycopy(chunked, 0, whole, 0, chunked.length);
            System.arraycopy(last, 0, whole, chunked.length, last.length);
            assertEquals(sha256(whole), ok(call(c, "hub_registry_complete_upload", "repository", repo,
                "location", location, "digest", sha256(whole), "source_path", "last.bin")).data().path("digest")
                .asText());
            assertTrue(exists(c, repo, sha256(whole)));

            // get_blob: a path inside receives the verified blob; outside nothing appears
            Answer got = ok(call(c, "hub_registry_get_blob", "repository", repo, "digest", sha256(blob),
                "output_path", "out/blob.bin"));
            assertArrayEquals(blob, Files.readAllBytes(files.resolve("out/blob.bin")));
            assertEquals(files.toRealPath().resolve("out/blob.bin").toString(), got.data().path("path").asText());
            String outsideNew = refused(call(c, "hub_registry_get_blob", "repository", repo, "digest", sha256(blob),
                "output_path", outside.resolve("new.bin").toString()), "output_path");
            String outsideExisting = refused(call(c, "hub_registry_get_blob", "repository", repo,
                "digest", sha256(blob), "output_path", "/etc/passwd"), "output_path");
            assertEquals(outsideNew, outsideExisting, "the answer must not tell whether a file outside exists");
            refused(call(c, "hub_registry_get_blob", "repository", repo, "digest", sha256(blob),
                "output_path", "escape/new.bin", "overwrite", true), "output_path");
            refused(call(c, "hub_registry_get_blob", "repository", repo, "digest", sha256(blob),
                "output_path", "escape/secret.bin", "overwrite", true), "output_path");
            refused(call(c, "hub_registry_get_blob", "repository", repo, "digest", sha256(blob),
                "output_path", "out/a\u0000b"), "output_path");
        }
        assertEquals(List.of("secret.bin"), tree(outside));
        assertArrayEquals(bytes(3000, 99), Files.readAllBytes(outside.resolve("secret.bin")));
        assertEquals(List.of("blob.bin", "chunk.bin", "last.bin", "out/blob.bin"), tree(files));
    }

    @Test
    void withoutAFilesDirectoryFileArgumentsAreRefusedNamingTheSettingAndInlineReadsWork() throws Exception {
        byte[] config = "{\"architecture\":\"amd64\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(files.resolve("config.json"), config);
        try (McpSyncClient c = client("consolidated", Map.of())) {
            String m = refused(call(c, "hub_registry", "action", "push_blob", "repository", "team/nofiles",
                "source_path", files.resolve("config.json").toString()), "source_path");
            assertTrue(m.contains("DOCKERHUB_FILES_DIR"), m);
            assertFalse(existsConsolidated(c, "team/nofiles", sha256(config)));
            Answer pushed = ok(call(c, "hub_registry", "action", "complete_upload", "repository", "team/nofiles",
                "location", ok(call(c, "hub_registry", "action", "start_upload", "repository", "team/nofiles"))
                    .data().path("location").asText(),
                "digest", sha256(config), "chunk_base64", java.util.Base64.getEncoder().encodeToString(config)));
            assertEquals(sha256(config), pushed.data().path("digest").asText());
            m = refused(call(c, "hub_registry", "action", "get_blob", "repository", "team/nofiles",
                "digest", sha256(config), "output_path", files.resolve("back.json").toString()), "output_path");
            assertTrue(m.contains("DOCKERHUB_FILES_DIR"), m);
            assertEquals("amd64", ok(call(c, "hub_registry", "action", "get_blob", "repository", "team/nofiles",
                "digest", sha256(config))).data().path("content").path("architecture").asText());
        }
        assertEquals(List.of("config.json"), tree(files));
    }

    /** check_blob through the consolidated tool. */
    private boolean existsConsolidated(McpSyncClient c, String repo, String digest) {
        return ok(call(c, "hub_registry", "action", "check_blob", "repository", repo, "digest", digest)).content()
            .path("exists").asBoolean();
    }

    @Test
    void readOnlyModeListsAndRunsNothingThatWritesAFile() throws Exception {
        byte[] blob = bytes(800, 7);
        Files.write(files.resolve("blob.bin"), blob);
        String repo = "team/readonly";
        try (McpSyncClient c = client("granular", Map.of("DOCKERHUB_FILES_DIR", files.toString()))) {
            ok(call(c, "hub_registry_push_blob", "repository", repo, "source_path", "blob.bin"));
            McpSchema.Tool getBlob = c.listTools().tools().stream()
                .filter(t -> t.name().equals("hub_registry_get_blob")).findFirst().orElseThrow();
            assertFalse(getBlob.annotations().readOnlyHint(), "get_blob can write a file: not read-only");
        }
        Map<String, String> readOnly = Map.of("DOCKERHUB_FILES_DIR", files.toString(), "DOCKERHUB_READ_ONLY", "true");
        try (McpSyncClient c = client("granular", readOnly)) {
            List<McpSchema.Tool> tools = c.listTools().tools();
            for (McpSchema.Tool t : tools) {
                JsonNode props = MAPPER.valueToTree(t.inputSchema()).path("properties");
                assertFalse(props.has("output_path"), t.name() + " offers output_path in read-only mode");
                assertTrue(Boolean.TRUE.equals(t.annotations().readOnlyHint()), t.name() + " is listed but not read-only");
            }
            List<String> names = tools.stream().map(McpSchema.Tool::name).toList();
            for (String hidden : List.of("hub_registry_push_blob", "hub_registry_upload_chunk",
                "hub_registry_complete_upload", "hub_registry_start_upload")) {
                assertFalse(names.contains(hidden), hidden);
                io.modelcontextprotocol.spec.McpError e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.modelcontextprotocol.spec.McpError.class,
                    () -> call(c, hidden, "repository", repo, "source_path", "blob.bin"), hidden);
                assertTrue(e.getMessage().contains("Unknown tool"), e.getMessage());
            }
            assertTrue(names.contains("hub_registry_get_blob"));
            assertTrue(call(c, "hub_registry_get_blob", "repository", repo, "digest", sha256(blob),
                "output_path", "written.bin").error());
            ok(call(c, "hub_registry_get_blob", "repository", repo, "digest", sha256(blob)));
        }
        try (McpSyncClient c = client("consolidated", readOnly)) {
            McpSchema.Tool registryTool = c.listTools().tools().stream()
                .filter(t -> t.name().equals("hub_registry")).findFirst().orElseThrow();
            assertFalse(MAPPER.valueToTree(registryTool.inputSchema()).path("properties").has("output_path"));
            assertTrue(Boolean.TRUE.equals(registryTool.annotations().readOnlyHint()));
            Answer a = call(c, "hub_registry", "action", "get_blob", "repository", repo, "digest", sha256(blob),
                "output_path", "written.bin");
            assertEquals("read_only", a.type(), a.content().toString());
            assertTrue(a.message().contains("'output_path'"), a.message());
            assertEquals("read_only", call(c, "hub_registry", "action", "push_blob", "repository", repo,
                "source_path", "blob.bin").type());
            assertTrue(existsConsolidated(c, repo, sha256(blob)));
        }
        assertEquals(List.of("blob.bin"), tree(files));
        assertEquals(List.of("secret.bin"), tree(outside));
    }
}
