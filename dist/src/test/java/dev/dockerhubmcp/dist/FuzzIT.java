package dev.dockerhubmcp.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.testkit.FakeHub;
import dev.dockerhubmcp.testkit.FakeScout;
import dev.dockerhubmcp.testkit.registry.FakeRegistry;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes every action of every bundled plugin through the real server over stdio, in both tool modes: arguments
 * that break the action's schema (wrong types, missing required fields, pattern and bound violations, bad digests,
 * huge values, unknown actions, broken params_json) plus seeded random arguments and hand-picked cases. Every answer
 * must come within the per-call timeout, be a structured result ({@code {error: {type, message}}} when isError),
 * name no Java class, exception or stack frame, stay under 16 KiB, and a local validation error (one without an
 * upstream status) must send nothing to any upstream.
 */
class FuzzIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long SEED = 20250613L;
    private static final int RANDOM_CASES_PER_ACTION = 3;
    private static final int MAX_ANSWER = 16 * 1024;
    private static final Pattern JAVA_NAMES = Pattern.compile(
        "Exception|java\\.|javax\\.|com\\.fasterxml|\\bat dev\\.|\\b[A-Z][A-Za-z0-9]*\\$[A-Za-z0-9]+|\\.java:\\d");
    private static final String NUL_PATH = "/tmp/a\u0000b";
    private static final List<String> BAD_DIGESTS = List.of("sha256:xyz", "sha256:" + "a".repeat(63),
        "sha256:" + "a".repeat(65), "sha256:" + "A".repeat(64), "md5:d41d8cd98f00b204e9800998ecf8427e",
        "sha512:" + "a".repeat(64), "sha384:" + "a".repeat(96), "sha256:" + "g".repeat(64), "SHA256:" + "a".repeat(64));

    @TempDir
    Path tmp;

    /** One call to make and what it must give. */
    private record Case(String label, String tool, Map<String, Object> args, String expect) {
    }

    private final List<String> failures = new ArrayList<>();
    private int calls;
    private int unanswered;

    @Test
    void everyActionInBothModesAnswersBoundedStructuredErrorsAndSendsNothingForInvalidInput() throws Exception {
        long started = System.nanoTime();
        try (FakeHub hub = FakeHub.start().user("alice", "dckr_pat_fuzz");
             FakeScout scout = FakeScout.start();
             FakeRegistry registry = FakeRegistry.start()) {
            // upstream bodies that are cut short or of the wrong shape (hand-picked calls below)
            hub.on("GET", "/v2/namespaces/acme/repositories").respond(200, "{\"count\": 5, \"results\": [{\"name\": \"a\"");
            hub.on("GET", "/v2/namespaces/shape/repositories").respond(200, "[{\"name\": \"a\"}]");
            hub.on("GET", "/v2/namespaces/typed/repositories").respond(200, "{\"count\": \"many\", \"results\": {}}");
            hub.on("GET", "/v2/namespaces/acme/repositories/app").respond(200, "[1, 2]");
            scout.onField("dhiListMirroredRepositories", "{\"data\":{\"dhiListMirroredRepositories\":{\"totalCount\":1,"
                + "\"canMirrorMoreRepositories\":true,\"mirroredRepositories\":[{\"id\":\"m1\",\"destinationRepository\":"
                + "{\"hostname\":\"docker.io\",\"namespace\":\"acme\",\"name\":\"dhi-node\"},\"dhiSourceRepository\":"
                + "{\"hostname\":\"docker.io\",\"namespace\":\"dhi\",\"name\":\"node\"}}]}}}");
            scout.onField("goalResultSummaries", "{\"data\":{\"goalResultSummaries\":{\"items\":[{\"policy\":"
                + "{\"definitionName\":\"p\"},\"totalImages\":1}]}}}");
            Map<String, String> env = Map.of("DOCKERHUB_URL", hub.url(), "DOCKER_SCOUT_URL", scout.url(),
                "DOCKER_REGISTRY_URL", registry.url(), "DOCKER_HUB_USER", "alice", "DOCKER_HUB_TOKEN", "dckr_pat_fuzz",
                "DOCKERHUB_ALLOW_DESTRUCTIVE", "true");
            Map<String, Map<String, JsonNode>> schemas;
            try (McpSyncClient granular = client(env, "granular")) {
                Map<String, JsonNode> byTool = new LinkedHashMap<>();
                for (McpSchema.Tool t : granular.listTools().tools()) {
                    byTool.put(t.name(), MAPPER.valueToTree(t.inputSchema()));
                }
                try (McpSyncClient consolidated = client(env, "consolidated")) {
                    schemas = actions(consolidated, byTool);
                    run(consolidated, cases(schemas, true), hub, scout, registry);
                }
                run(granular, cases(schemas, false), hub, scout, registry);
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("FuzzIT: " + calls + " calls, " + failures.size() + " failures, " + seconds + " s");
        assertTrue(failures.isEmpty(), failures.size() + " of " + calls + " calls failed:\n"
            + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        assertTrue(calls > 1000, "fuzzed too little: " + calls + " calls");
    }

    private McpSyncClient client(Map<String, String> env, String mode) throws Exception {
        ServerParameters params = ServerParameters.builder(Dist.launcher().toString())
            .args("--plugins-dir", Dist.bundledPlugins().toString(), "--tool-mode", mode)
            .env(Dist.env(tmp.resolve(mode), env)).build();
        McpSyncClient c = McpClient.sync(new StdioClientTransport(params, new JacksonMcpJsonMapper(MAPPER)))
            .requestTimeout(Duration.ofSeconds(20)).initializationTimeout(Duration.ofSeconds(60)).build();
        c.initialize();
        return c;
    }

    /** tool → action → the action's input schema (from its granular tool). */
    private static Map<String, Map<String, JsonNode>> actions(McpSyncClient consolidated, Map<String, JsonNode> granular) {
        Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
        for (McpSchema.Tool t : consolidated.listTools().tools()) {
            Map<String, JsonNode> actions = new LinkedHashMap<>();
            for (JsonNode a : MAPPER.valueToTree(t.inputSchema()).path("properties").path("action").path("enum")) {
                if (!a.asText().equals("help")) {
                    JsonNode schema = granular.get(t.name() + "_" + a.asText());
                    assertTrue(schema != null, "no granular tool for " + t.name() + " " + a.asText());
                    actions.put(a.asText(), schema);
                }
            }
            out.put(t.name(), actions);
        }
        assertTrue(out.size() >= 9 && out.values().stream().mapToInt(Map::size).sum() >= 90, out.keySet().toString());
        return out;
    }

    private List<Case> cases(Map<String, Map<String, JsonNode>> schemas, boolean consolidated) {
        List<Case> out = new ArrayList<>();
        Random random = new Random(SEED);
        for (Map.Entry<String, Map<String, JsonNode>> tool : schemas.entrySet()) {
            for (Map.Entry<String, JsonNode> action : tool.getValue().entrySet()) {
                String name = tool.getKey() + (consolidated ? " " : "_") + action.getKey();
                String target = consolidated ? tool.getKey() : tool.getKey() + "_" + action.getKey();
                for (Map.Entry<String, ObjectNode> c : invalid(action.getValue()).entrySet()) {
                    out.add(new Case(name + " " + c.getKey(), target, call(c.getValue(), action.getKey(), consolidated),
                        "validation"));
                }
                for (int i = 0; i < RANDOM_CASES_PER_ACTION; i++) {
                    out.add(new Case(name + " random#" + i, target,
                        call(randomArgs(action.getValue(), random), action.getKey(), consolidated), null));
                }
            }
            if (consolidated) {
                out.addAll(consolidatedOnly(tool.getKey(), tool.getValue().keySet().iterator().next()));
            }
        }
        out.addAll(handPicked(consolidated));
        return out;
    }

    private static Map<String, Object> call(ObjectNode args, String action, boolean consolidated) {
        ObjectNode a = args.deepCopy();
        if (consolidated) {
            a.put("action", action);
        }
        return MAPPER.convertValue(a, Map.class);
    }

    /** Argument sets each of which breaks the schema, so the answer must be a local validation error. */
    private static Map<String, ObjectNode> invalid(JsonNode schema) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        JsonNode props = schema.path("properties");
        if (schema.path("required").size() > 0) {
            out.put("missing-required", NODES.objectNode());
        }
        if (!schema.path("additionalProperties").asBoolean(true)) {
            ObjectNode unknown = NODES.objectNode();
            for (int i = 0; i < 50; i++) {
                unknown.put("unknown_" + "x".repeat(200) + i, i);
            }
            out.put("unknown-fields", unknown);
        }
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            String field = p.getKey();
            JsonNode s = p.getValue();
            String type = s.path("type").isTextual() ? s.path("type").asText() : "";
            switch (type) {
                case "string" -> {
                    out.put(field + "=number", NODES.objectNode().put(field, 12345));
                    out.put(field + "=object", obj(field, NODES.objectNode().put("a", 1)));
                    if (s.has("pattern")) {
                        Pattern pattern = Pattern.compile(s.get("pattern").asText());
                        int i = 0;
                        for (String v : nasty()) {
                            if (i < 3 && !pattern.matcher(v).find()) {
                                out.put(field + "=pattern#" + i++, NODES.objectNode().put(field, v));
                            }
                        }
                        if (s.get("pattern").asText().contains("sha256")) {
                            for (String d : BAD_DIGESTS) {
                                if (!pattern.matcher(d).find()) {
                                    out.put(field + "=" + d.substring(0, Math.min(d.length(), 12)) + "#" + i++,
                                        NODES.objectNode().put(field, d));
                                }
                            }
                        }
                    }
                    if (s.has("maxLength") && s.get("maxLength").asInt() < 50_000) {
                        out.put(field + "=too-long", NODES.objectNode().put(field, "a".repeat(s.get("maxLength").asInt()
                            + 1000)));
                    }
                    if (s.has("enum")) {
                        out.put(field + "=not-in-enum", NODES.objectNode().put(field, "no-such-value-" + "z".repeat(300)));
                    }
                }
                case "integer", "number" -> {
                    out.put(field + "=text", NODES.objectNode().put(field, "not a number " + "9".repeat(400)));
                    out.put(field + "=bool", NODES.objectNode().put(field, true));
                    if (type.equals("integer")) {
                        out.put(field + "=overflow", NODES.objectNode().put(field, "9".repeat(40)));
                    }
                    if (s.has("minimum")) {
                        out.put(field + "=below-min", NODES.objectNode().put(field, Long.MIN_VALUE));
                    }
                    if (s.has("maximum")) {
                        out.put(field + "=above-max", NODES.objectNode().put(field, Long.MAX_VALUE));
                    }
                }
                case "boolean" -> out.put(field + "=maybe", NODES.objectNode().put(field, "maybe"));
                case "array" -> {
                    out.put(field + "=text", NODES.objectNode().put(field, "x"));
                    ArrayNode many = NODES.arrayNode();
                    String itemType = s.path("items").path("type").asText("");
                    for (int i = 0; i < 2_000; i++) {
                        if (itemType.equals("string")) {
                            many.add(i);
                        } else {
                            many.add("not-" + itemType);
                        }
                    }
                    if (!itemType.isEmpty()) {
                        out.put(field + "=2000-bad-items", obj(field, many));
                    }
                }
                case "object" -> out.put(field + "=text", NODES.objectNode().put(field, "x"));
                default -> {
                }
            }
        }
        return out;
    }

    private static List<String> nasty() {
        return List.of("", "\u0000", "a\u0000b", "../../etc/passwd", "..", "%2e%2e%2f", "a/b/../../c",
            "UPPER", "with space", "x".repeat(5000), "é€\uD83D\uDE00", "-leading", "trailing-", "a//b", "\n", "$x",
            "{}", "null");
    }

    private static ObjectNode obj(String field, JsonNode value) {
        ObjectNode o = NODES.objectNode();
        o.set(field, value);
        return o;
    }

    /** Every property gets a random value from a pool of odd ones (some valid, most not). */
    private static ObjectNode randomArgs(JsonNode schema, Random random) {
        ObjectNode out = NODES.objectNode();
        List<JsonNode> pool = new ArrayList<>();
        nasty().forEach(s -> pool.add(NODES.textNode(s)));
        BAD_DIGESTS.forEach(s -> pool.add(NODES.textNode(s)));
        pool.add(NODES.textNode("sha256:" + "a".repeat(64)));
        pool.add(NODES.textNode("acme"));
        pool.add(NODES.textNode("acme/app"));
        pool.add(NODES.textNode("linux/amd64"));
        pool.add(NODES.numberNode(0));
        pool.add(NODES.numberNode(-1));
        pool.add(NODES.numberNode(1));
        pool.add(NODES.numberNode(Long.MAX_VALUE));
        pool.add(NODES.numberNode(Long.MIN_VALUE));
        pool.add(NODES.numberNode(1.5));
        pool.add(NODES.numberNode(1e308));
        pool.add(NODES.textNode("9223372036854775807"));
        pool.add(NODES.booleanNode(true));
        pool.add(NODES.nullNode());
        pool.add(NODES.arrayNode());
        pool.add(NODES.arrayNode().add("a").add(1).add(NODES.objectNode()));
        pool.add(NODES.objectNode().put("k", "v"));
        Iterator<String> names = schema.path("properties").fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            JsonNode s = schema.path("properties").path(n);
            if (random.nextInt(4) == 0 && s.has("enum") && s.get("enum").size() > 0) {
                out.set(n, s.get("enum").get(random.nextInt(s.get("enum").size())));
            } else if (random.nextInt(3) > 0) {
                out.set(n, pool.get(random.nextInt(pool.size())));
            }
        }
        return out;
    }

    /** Consolidated-only input: unknown or huge action and topic, params and params_json that are broken. */
    private static List<Case> consolidatedOnly(String tool, String anAction) {
        List<Case> out = new ArrayList<>();
        String huge = "y".repeat(200_000);
        out.add(new Case(tool + " no-action", tool, Map.of(), "validation"));
        out.add(new Case(tool + " action=number", tool, Map.of("action", 7), "validation"));
        out.add(new Case(tool + " unknown-action", tool, Map.of("action", huge), "validation"));
        out.add(new Case(tool + " help-topic", tool, Map.of("action", "help", "topic", huge), "validation"));
        out.add(new Case(tool + " params-array", tool, Map.of("action", anAction, "params", List.of(1)), "validation"));
        for (String pj : List.of("{\"a\":", "{\"a\":1} trailing", "[1,2]", "\"text\"", "{" + "\"a\":1,".repeat(3) + "}",
            "[".repeat(5000) + "]".repeat(5000), "{\"n\":" + "1".repeat(5000) + "}", "{\"s\":\"" + "x".repeat(100)
                + "\\ud800\"", "\u0000", "{\"a\":NaN}", "{'a':1}", "{\"a\":1}".repeat(1000))) {
            out.add(new Case(tool + " params_json=" + pj.substring(0, Math.min(12, pj.length())), tool,
                Map.of("action", anAction, "params_json", pj), "validation"));
        }
        return out;
    }

    /** Valid-looking calls that reached Java internals or grew without bound before. */
    private static List<Case> handPicked(boolean consolidated) {
        List<Case> out = new ArrayList<>();
        String digest = "sha256:" + "a".repeat(64);
        List<String> scopes = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            scopes.add("bad-scope-" + i);
        }
        add(out, consolidated, "hub_auth", "create_pat", Map.of("token_label", "x", "scopes", scopes), "validation");
        add(out, consolidated, "hub_registry", "get_blob", Map.of("repository", "acme/app", "digest", digest,
            "output_path", NUL_PATH), "validation");
        add(out, consolidated, "hub_registry", "push_blob", Map.of("repository", "acme/app", "source_path", NUL_PATH),
            "validation");
        for (String bad : BAD_DIGESTS) {
            add(out, consolidated, "hub_registry", "delete_blob", Map.of("repository", "acme/app", "digest", bad),
                "validation");
            add(out, consolidated, "hub_registry", "check_blob", Map.of("repository", "acme/app", "digest", bad),
                "validation");
            add(out, consolidated, "hub_registry", "get_manifest", Map.of("repository", "acme/app", "reference", bad),
                "validation");
        }
        // out of an int's range: refused, never clamped; the last int page is an empty page, not an index error
        add(out, consolidated, "hub_scout", "policies", Map.of("organization", "acme", "page", Long.MAX_VALUE),
            "validation");
        add(out, consolidated, "hub_scout", "hardened_images", Map.of("organization", "acme", "page", Long.MAX_VALUE),
            "validation");
        add(out, consolidated, "hub_scout", "policies", Map.of("organization", "acme", "page", Integer.MAX_VALUE), "ok");
        add(out, consolidated, "hub_scout", "hardened_images", Map.of("organization", "acme", "page", Integer.MAX_VALUE),
            "ok");
        add(out, consolidated, "hub_repos", "list", Map.of("namespace", "acme"), "upstream");
        add(out, consolidated, "hub_repos", "list", Map.of("namespace", "shape"), "upstream");
        add(out, consolidated, "hub_repos", "list", Map.of("namespace", "typed"), "upstream");
        add(out, consolidated, "hub_repos", "get", Map.of("namespace", "acme", "repository", "app"), "upstream");
        return out;
    }

    private static void add(List<Case> out, boolean consolidated, String tool, String action, Map<String, Object> args,
                            String expect) {
        Map<String, Object> a = new LinkedHashMap<>(args);
        if (consolidated) {
            a.put("action", action);
        }
        out.add(new Case(tool + " " + action + " hand-picked " + args.keySet(), consolidated ? tool : tool + "_" + action,
            a, expect));
    }

    private void run(McpSyncClient client, List<Case> cases, FakeHub hub, FakeScout scout, FakeRegistry registry) {
        for (Case c : cases) {
            calls++;
            int before = hub.requests().size() + scout.requests().size() + registry.requests().size();
            McpSchema.CallToolResult r;
            try {
                r = client.callTool(new McpSchema.CallToolRequest(c.tool(), c.args()));
            } catch (RuntimeException e) {
                failures.add(c.label() + ": no answer within the timeout or a protocol error: " + e.getMessage());
                System.out.println("FuzzIT: no answer: " + c.label());
                if (++unanswered >= 3) {
                    throw new AssertionError("3 calls got no answer; the last: " + c.label() + "\n"
                        + String.join("\n", failures));
                }
                continue;
            }
            int sent = hub.requests().size() + scout.requests().size() + registry.requests().size() - before;
            String text = r.content().isEmpty() || !(r.content().get(0) instanceof McpSchema.TextContent t) ? ""
                : t.text();
            JsonNode s = MAPPER.valueToTree(r.structuredContent());
            String problem = check(c, r, s, text, sent);
            if (problem != null) {
                failures.add(c.label() + ": " + problem + " — " + text.substring(0, Math.min(300, text.length())));
            }
        }
    }

    private static String check(Case c, McpSchema.CallToolResult r, JsonNode s, String text, int sent) {
        if (s == null || !s.isObject()) {
            return "no structured result";
        }
        boolean help = "help".equals(String.valueOf(c.args().get("action"))) && !c.args().containsKey("topic");
        if (!help && text.getBytes(StandardCharsets.UTF_8).length >= MAX_ANSWER) {
            return "answer of " + text.length() + " characters";
        }
        if (JAVA_NAMES.matcher(text).find()) {
            return "Java names in the answer";
        }
        if (Boolean.TRUE.equals(r.isError())) {
            JsonNode e = s.path("error");
            if (!e.path("type").isTextual() || !e.path("message").isTextual() || e.path("message").asText().isBlank()) {
                return "error without {type, message}";
            }
            String type = e.path("type").asText();
            if (c.expect() != null && !type.equals(c.expect())) {
                return "answered " + type + " instead of " + c.expect();
            }
            if (type.equals("validation") && !e.has("status_code") && sent > 0) {
                return "a local validation error, yet " + sent + " request(s) went upstream";
            }
            return null;
        }
        if (c.expect() != null && !c.expect().equals("ok")) {
            return "answered success instead of " + c.expect();
        }
        return s.has("data") ? null : "success without data";
    }
}
