package dev.dockerhubmcp.host;

import dev.dockerhubmcp.engine.http.CredentialResolver;
import dev.dockerhubmcp.engine.http.UpstreamConfigs;
import dev.dockerhubmcp.host.cli.CliArgs;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/server.yaml (a Docker MCP catalog entry) and deploy/compose.yaml name only variables and flags the server
 * reads, follow docker/mcp-registry's validation rules, and configure what they claim.
 */
class DeployFilesTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    /** ${NAME}, ${NAME:-default}, ${NAME:?message} in a compose value. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([-?])([^}]*))?}");

    private static Set<String> knownVariables() {
        Set<String> known = new HashSet<>(HostConfig.VARIABLES);
        known.addAll(UpstreamConfigs.VARIABLES);
        known.addAll(CredentialResolver.VARIABLES);
        return known;
    }

    private static Set<String> knownFlags() {
        Set<String> known = new HashSet<>(CliArgs.BOOLEAN);
        known.addAll(CliArgs.VALUED);
        return known;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(DEPLOY.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String... keys) {
        Object o = map;
        for (String k : keys) {
            assertTrue(o instanceof Map, "no " + String.join(".", keys));
            o = ((Map<String, Object>) o).get(k);
        }
        return (T) o;
    }

    private static String flagName(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg : arg.substring(0, eq);
    }

    @Test
    void catalogEntryFollowsTheRegistryRulesAndNamesOnlyWhatTheServerReads() throws IOException {
        Map<String, Object> s = yaml("server.yaml");
        String name = at(s, "name");
        assertEquals("dockerhub-mcp", name);
        assertTrue(name.matches("[a-z0-9-]+"), "name: lowercase letters, digits, hyphens");
        assertEquals("server", at(s, "type"));
        assertTrue(((String) at(s, "image")).endsWith("/dockerhub-mcp"));
        String title = at(s, "about", "title");
        assertFalse(title.contains("MCP") || title.contains("Server"), title);
        for (String w : title.split("\\s+")) {
            assertTrue(w.equals("and") || w.equals("for") || Character.isUpperCase(w.charAt(0)), title);
        }
        assertTrue(((String) at(s, "source", "commit")).matches("[a-f0-9]{40}"), "source.commit is pinned");
        Set<String> params = ((Map<String, Object>) at(s, "config", "parameters", "properties")).keySet();

        List<String> command = at(s, "run", "command");
        for (String arg : command) {
            assertTrue(knownFlags().contains(flagName(arg)), "a flag the server does not read: " + arg);
            templates(arg).forEach(p -> assertTrue(params.contains(p), "an undefined parameter in " + arg));
        }
        List<Map<String, Object>> secrets = at(s, "config", "secrets");
        for (Map<String, Object> secret : secrets) {
            assertTrue(((String) secret.get("name")).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9._-]+"), secret.toString());
            assertTrue(knownVariables().contains((String) secret.get("env")), "unknown variable " + secret);
        }
        List<Map<String, Object>> env = at(s, "config", "env");
        for (Map<String, Object> e : env) {
            assertTrue(knownVariables().contains((String) e.get("name")), "unknown variable " + e);
            String value = (String) e.get("value");
            assertTrue(value.startsWith("{{" + name + "."), "catalog rule: env values use the server's parameters");
            templates(value).forEach(p -> assertTrue(params.contains(p), "an undefined parameter in " + value));
        }
        // the same credential interface as the catalog's own dockerhub entry
        assertTrue(command.contains("--username={{dockerhub-mcp.username}}"), command.toString());
        assertEquals("HUB_PAT_TOKEN", secrets.get(0).get("env"));
        Set<String> envNames = new HashSet<>();
        env.forEach(e -> envNames.add((String) e.get("name")));
        assertEquals(Set.of("DOCKERHUB_READ_ONLY", "DOCKERHUB_ALLOW_DESTRUCTIVE"), envNames);

        // filled in the way the gateway fills it, the command line and environment configure the server
        Map<String, String> filled = new HashMap<>();
        filled.put("HUB_PAT_TOKEN", "dckr_pat_x");
        env.forEach(e -> filled.put((String) e.get("name"), ((String) e.get("value"))
            .replace("{{dockerhub-mcp.read_only}}", "true").replace("{{dockerhub-mcp.allow_destructive}}", "false")));
        List<String> args = command.stream().map(a -> a.replace("{{dockerhub-mcp.username}}", "alice")).toList();
        HostConfig c = HostConfig.from(CliArgs.parse(args).options(), filled, Path.of("plugins"), Path.of("/nohome"));
        assertEquals("stdio", c.transport());
        assertEquals("alice", c.username());
        assertTrue(c.policy().readOnly());
        assertFalse(c.policy().allowDestructive());
    }

    private static List<String> templates(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\\{dockerhub-mcp\\.([a-z_]+)}}").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void composeServiceIsLockedDownAndNamesOnlyWhatTheServerReads() throws IOException {
        Map<String, Object> compose = yaml("compose.yaml");
        Map<String, Object> services = at(compose, "services");
        assertEquals(1, services.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> svc = (Map<String, Object>) services.values().iterator().next();

        List<String> command = at(svc, "command");
        command.forEach(a -> assertTrue(knownFlags().contains(flagName(a)), "a flag the server does not read: " + a));
        Map<String, Object> environment = at(svc, "environment");
        environment.keySet().forEach(k -> assertTrue(knownVariables().contains(k), "unknown variable " + k));

        // MCP_AUTH_TOKEN must be given (compose refuses to start otherwise), and the server binds 0.0.0.0
        String auth = String.valueOf(environment.get("MCP_AUTH_TOKEN"));
        Matcher m = INTERPOLATION.matcher(auth);
        assertTrue(m.matches() && "MCP_AUTH_TOKEN".equals(m.group(1)) && "?".equals(m.group(2)), auth);
        assertTrue(command.contains("--host=0.0.0.0"), command.toString());

        // resolved as compose resolves it (defaults, a 64-character token), it configures the server
        Map<String, String> env = new HashMap<>();
        environment.forEach((k, v) -> env.put(k, interpolate(String.valueOf(v), Map.of("MCP_AUTH_TOKEN",
            "a".repeat(64)))));
        HostConfig c = HostConfig.from(CliArgs.parse(command).options(), env, Path.of("plugins"), Path.of("/nohome"));
        assertEquals("streamable-http", c.transport());
        assertEquals("0.0.0.0", c.host());
        assertEquals("a".repeat(64), c.authToken());
        assertTrue(c.policy().readOnly(), "read-only unless the .env file says otherwise");
        assertEquals(Path.of("/data"), c.filesDir());
        assertTrue(c.allowedHosts().isEmpty(), "loopback names need no entry: " + c.allowedHosts());
        List<String> ports = at(svc, "ports");
        assertTrue(ports.stream().allMatch(p -> p.startsWith("127.0.0.1:") && p.endsWith(":" + c.port())), ports
            .toString());

        // the container itself
        assertEquals(Boolean.TRUE, svc.get("read_only"));
        String user = (String) svc.get("user");
        assertNotNull(user);
        assertFalse(user.startsWith("0") || user.startsWith("root"), "non-root: " + user);
        List<String> tmpfs = at(svc, "tmpfs");
        assertTrue(tmpfs.stream().anyMatch(t -> t.startsWith("/tmp")), tmpfs.toString());
        assertEquals(List.of("ALL"), at(svc, "cap_drop"));
        assertNotNull(at(svc, "deploy", "resources", "limits", "memory"));
        assertNotNull(at(svc, "deploy", "resources", "limits", "cpus"));
        List<String> health = at(svc, "healthcheck", "test");
        assertTrue(String.join(" ", health).contains("GET /health"), health.toString());
        assertTrue(String.join(" ", health).contains("/" + c.port()), "the check uses the served port");
    }

    /** Compose's interpolation of one value ({@code $$} is a literal {@code $}). */
    static String interpolate(String value, Map<String, String> shell) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = shell.get(m.group(1));
            if (v == null || v.isEmpty()) {
                assertFalse("?".equals(m.group(2)), "compose would refuse: " + m.group(3));
                v = m.group(3) == null ? "" : m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }
}
