package dev.dockerhubmcp.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.testkit.FakeHttpServer;
import dev.dockerhubmcp.testkit.FakeHub;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Canary secrets: every kind of credential is a unique marker, the fakes echo what they receive (error bodies,
 * text/plain 500s cut at 200 characters, repository descriptions, token-service errors, headers), every action of
 * every bundled plugin runs through the real server at debug log level, and no marker appears in any result or any
 * line the server writes to stderr.
 */
class CanarySecretsIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String USER = "canaryuser";
    /** Does not look like a secret: only its value gives it away. */
    private static final String PASSWORD = "plainWords" + RUN + "Horse";
    private static final String CLI_PASSWORD = "cliLogin" + RUN + "Staple";
    private static final String SCIM = "scimOpaque" + RUN + "Battery";
    private static final String REGISTRY_TOKEN = "regOpaque" + RUN + "Tok";
    private static final String FILLER = "x".repeat(150) + " ";

    @TempDir
    Path tmp;

    private final List<String> stderr = new CopyOnWriteArrayList<>();
    /** The secret the server of the current run was given: what the fakes echo (a server cannot know others). */
    private static final java.util.concurrent.atomic.AtomicReference<String> SECRET =
        new java.util.concurrent.atomic.AtomicReference<>(PASSWORD);

    @Test
    void noCanaryInAnyResultOrLogLine() throws Exception {
        String cliAuth = Base64.getEncoder().encodeToString((USER + "2:" + CLI_PASSWORD)
            .getBytes(StandardCharsets.UTF_8));
        try (FakeHub hub = FakeHub.start().user(USER, PASSWORD).scimToken(SCIM);
             FakeHttpServer registry = FakeHttpServer.start();
             FakeHttpServer scout = FakeHttpServer.start()) {
            hub.user(USER + "2", CLI_PASSWORD);
            echo(hub);
            registry(registry);
            scout.on("*", "~.*").handle(r -> FakeResponse.json(200, Map.of("data", Map.of(), "errors",
                List.of(Map.of("message", "refused " + r.header("authorization").orElse("") + " " + SECRET.get())))));
            String dockerJwt = hub.issueToken(USER, Duration.ofHours(1));
            Map<String, String> base = Map.of("DOCKERHUB_URL", hub.url(), "DOCKER_SCOUT_URL", scout.url(),
                "DOCKER_REGISTRY_URL", registry.url(), "DOCKER_REGISTRY_AUTH_URL", registry.url() + "/token",
                "DOCKERHUB_SCIM_TOKEN", SCIM, "DOCKERHUB_LOG_LEVEL", "debug", "DOCKERHUB_ALLOW_DESTRUCTIVE", "true",
                "DOCKERHUB_MAX_RETRIES", "0");
            Map<String, String> pat = new HashMap<>(base);
            pat.put("DOCKER_HUB_USER", USER);
            pat.put("DOCKER_HUB_TOKEN", PASSWORD);
            Map<String, String> jwt = new HashMap<>(base);
            jwt.put("DOCKERHUB_JWT", dockerJwt);
            Path docker = Files.createDirectories(tmp.resolve("home/.docker"));
            Files.writeString(docker.resolve("config.json"), "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
                + cliAuth + "\"}}}");
            Map<String, String> cli = new HashMap<>(base);

            List<String> results = new ArrayList<>();
            SECRET.set(PASSWORD);
            int upstream = runEverything(pat, results);
            SECRET.set(dockerJwt);
            upstream += runEverything(jwt, results);
            SECRET.set(CLI_PASSWORD);
            upstream += runEverything(cli, results);

            List<String> canaries = new ArrayList<>(List.of(PASSWORD, CLI_PASSWORD, SCIM, REGISTRY_TOKEN, cliAuth,
                RUN, dockerJwt, dockerJwt.split("\\.")[2]));
            for (String token : hub.requests().stream().map(RecordedRequest::bearer)
                .flatMap(java.util.Optional::stream).distinct().toList()) {
                String[] parts = token.split("\\.");
                canaries.add(token);
                if (parts.length == 3) {
                    canaries.add(parts[1].substring(0, 40)); // the payload, also cut short
                    canaries.add(parts[2]);
                }
            }
            assertTrue(hub.requests().stream().anyMatch(r -> r.bodyText().contains(PASSWORD)), "the password was used");
            assertTrue(registry.requests().stream().anyMatch(r -> r.header("authorization").orElse("")
                .contains(REGISTRY_TOKEN)), "a registry token was used");
            assertTrue(upstream >= 150, "most actions reached an upstream: " + upstream);
            assertTrue(results.stream().anyMatch(r -> r.contains("[REDACTED]")), "echoes were redacted");
            assertTrue(stderr.size() > 100, "debug logging ran: " + stderr.size() + " lines");
            for (String canary : canaries) {
                for (String r : results) {
                    assertFalse(r.contains(canary), "canary " + canary + " in a result: " + r);
                }
                for (String line : stderr) {
                    assertFalse(line.contains(canary), "canary " + canary + " in a log line: " + line);
                }
            }
        }
    }

    /** Hub: answers every API path with an echo of what it got, in four shapes by turn. */
    private static void echo(FakeHub hub) {
        AtomicInteger turn = new AtomicInteger();
        hub.on("*", "~.*").handle(r -> {
            String auth = r.header("authorization").orElse("");
            return switch (turn.getAndIncrement() % 4) {
                case 0 -> FakeResponse.json(500, Map.of("message", "failed for " + SECRET.get() + " with " + auth));
                case 1 -> FakeResponse.text(500, "text/plain", FILLER + auth + " " + SECRET.get() + " " + SCIM);
                case 2 -> FakeResponse.json(200, Map.of("count", 1, "next", "", "previous", "", "name", "app",
                    "namespace", "acme", "description", "pw " + SECRET.get(), "full_description", FILLER + auth,
                    "results", List.of(Map.of("name", "app", "namespace", "acme", "description", SECRET.get(),
                        "full_description", FILLER + FILLER + auth + SECRET.get()))));
                default -> FakeResponse.json(400, Map.of("detail", "bad request from " + auth, "scimType",
                    "invalidValue", "errinfo", SECRET.get())).withHeader("X-Echo", auth);
            };
        });
    }

    /** Registry: Bearer challenges, a token service that issues opaque tokens or refuses echoing Basic auth. */
    private static void registry(FakeHttpServer registry) {
        AtomicInteger turn = new AtomicInteger();
        registry.on("*", "~/token.*").handle(r -> {
            String basic = r.header("authorization").orElse("");
            String decoded = basic.startsWith("Basic ") ? new String(Base64.getDecoder().decode(basic.substring(6)),
                StandardCharsets.UTF_8) : "";
            if (turn.getAndIncrement() % 3 == 2) {
                return FakeResponse.json(401, Map.of("details", "refused " + basic + " (" + decoded + ")"));
            }
            return FakeResponse.json(200, Map.of("token", REGISTRY_TOKEN + turn.get(), "expires_in", 300));
        });
        registry.on("*", "~/v2/.*").handle(r -> {
            String auth = r.header("authorization").orElse("");
            if (!auth.startsWith("Bearer ")) {
                return FakeResponse.json(401, Map.of("errors", List.of(Map.of("code", "UNAUTHORIZED",
                    "message", "auth"))))
                    .withHeader("WWW-Authenticate", "Bearer realm=\"" + registry.url() + "/token\",service=\"canary\"");
            }
            return turn.getAndIncrement() % 2 == 0
                ? FakeResponse.text(500, "text/plain", FILLER + auth)
                : FakeResponse.json(403, Map.of("errors", List.of(Map.of("code", "DENIED", "message",
                    "denied " + auth, "detail", auth))));
        });
    }

    /** Runs every action once with schema-derived arguments; returns how many did not fail validation. */
    private int runEverything(Map<String, String> env, List<String> results) throws Exception {
        Path plugins = Dist.pluginsDir(tmp.resolve("p" + results.size()), true);
        Path home = tmp.resolve("home");
        Map<String, String> full = Dist.env(home, env);
        if (!env.containsKey("DOCKER_HUB_USER") && !env.containsKey("DOCKERHUB_JWT")) {
            full.put("DOCKER_CONFIG", home.resolve(".docker").toString());
        } else {
            full.put("DOCKER_CONFIG", tmp.resolve("nothing").toString());
        }
        ServerParameters params = ServerParameters.builder(Dist.launcher().toString())
            .args("--plugins-dir", plugins.toString(), "--tool-mode", "granular").env(full).build();
        StdioClientTransport transport = new StdioClientTransport(params, new JacksonMcpJsonMapper(MAPPER));
        transport.setStdErrorHandler(stderr::add);
        int reached = 0;
        try (McpSyncClient c = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(60)).build()) {
            c.initialize();
            for (McpSchema.Tool t : c.listTools().tools()) {
                if (!t.name().startsWith("hub_")) {
                    continue; // the test plugins
                }
                JsonNode schema = MAPPER.valueToTree(t.inputSchema());
                Map<String, Object> args = new LinkedHashMap<>();
                schema.path("required").forEach(n -> args.put(n.asText(),
                    sample(schema.path("properties").path(n.asText()))));
                McpSchema.CallToolResult r = c.callTool(new McpSchema.CallToolRequest(t.name(), args));
                String text = MAPPER.writeValueAsString(r);
                results.add(text);
                if (!text.contains("\"validation\"")) {
                    reached++;
                }
            }
        }
        return reached;
    }

    private static final List<String> CANDIDATES = List.of("acme", "acme/app", "1.0", "sha256:" + "a".repeat(64),
        "alice@example.com", "b30bbf97-506c-4ecd-aabc-842f3cb484fb", "2025-01-01T00:00:00Z", "2025-01-01",
        "repo:read", "docker.io/acme/app:1.0", "acme/app:1.0", "https://example.com/x", "a");

    static Object sample(JsonNode s) {
        if (s.has("const")) {
            return MAPPER.convertValue(s.get("const"), Object.class);
        }
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            return MAPPER.convertValue(s.get("enum").get(0), Object.class);
        }
        if (s.has("default") && !s.get("default").isNull()) {
            return MAPPER.convertValue(s.get("default"), Object.class);
        }
        JsonNode anyOf = s.has("anyOf") ? s.get("anyOf") : s.get("oneOf");
        if (anyOf != null && !anyOf.isEmpty()) {
            return sample(anyOf.get(0));
        }
        String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText("string");
        switch (type) {
            case "integer", "number" -> {
                return s.path("minimum").asInt(1) > 0 ? s.path("minimum").asInt(1) : 1;
            }
            case "boolean" -> {
                return true;
            }
            case "array" -> {
                return List.of(sample(s.path("items")));
            }
            case "object" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                s.path("required").forEach(n -> m.put(n.asText(), sample(s.path("properties").path(n.asText()))));
                return m;
            }
            default -> {
                String pattern = s.path("pattern").asText(null);
                String format = s.path("format").asText("");
                for (String c : CANDIDATES) {
                    if ((pattern == null || Pattern.compile(pattern).matcher(c).find())
                        && (!format.equals("date-time") || c.contains("T"))
                        && (!format.equals("email") || c.contains("@"))
                        && c.length() >= s.path("minLength").asInt(0)) {
                        return c;
                    }
                }
                return "acme";
            }
        }
    }
}
