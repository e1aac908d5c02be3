package dev.dockerhubmcp.host;

import dev.dockerhubmcp.engine.safety.SafetyPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Everything the host is told at start: flags first, then environment variables (the names of the Python reference:
 * TRANSPORT, HOST, PORT; and DOCKERHUB_*), then defaults. docker/hub-mcp's flags are accepted too
 * ({@code --username=NAME}, {@code --transport=http}, {@code --allowed-hosts=a,b}, {@code --allowed-origins=a,b}).
 *
 * @param transport            stdio, streamable-http or sse
 * @param host                 HTTP bind address
 * @param port                 HTTP port (0: ephemeral)
 * @param toolMode             consolidated or granular
 * @param pluginsDir           where plugin jars are
 * @param policy               read-only mode and the destructive gate
 * @param authToken            MCP_AUTH_TOKEN for HTTP, or null
 * @param allowUnauthenticated serve HTTP beyond loopback without a token
 * @param allowedOrigins       extra Origins allowed over HTTP
 * @param allowedHosts         extra Host names allowed over HTTP
 * @param maxSessions          HTTP session cap
 * @param sessionIdleTimeout   HTTP idle session expiry
 * @param env                  the environment (for plugin toggles and upstream configuration)
 * @param home                 the user's home (Docker CLI config)
 * @param filesDir             DOCKERHUB_FILES_DIR: the one directory path arguments may name, or null (none allowed)
 * @param username             {@code --username}: the Docker ID that goes with HUB_PAT_TOKEN, or null
 */
public record HostConfig(String transport, String host, int port, String toolMode, Path pluginsDir, SafetyPolicy policy,
                         String authToken, boolean allowUnauthenticated, Set<String> allowedOrigins,
                         Set<String> allowedHosts, int maxSessions, Duration sessionIdleTimeout,
                         Map<String, String> env, Path home, Path filesDir, String username) {
    public static final Set<String> TRANSPORTS = Set.of("stdio", "streamable-http", "sse");
    /** The environment variables {@link #from} reads (plugin toggles aside: each plugin names its own). */
    public static final List<String> VARIABLES = List.of("TRANSPORT", "HOST", "PORT", "DOCKERHUB_TOOL_MODE",
        "DOCKERHUB_PLUGINS_DIR", "DOCKERHUB_READ_ONLY", "DOCKERHUB_ALLOW_DESTRUCTIVE", "MCP_ALLOW_UNAUTHENTICATED",
        "MCP_ALLOWED_ORIGINS", "MCP_ALLOWED_HOSTS", "MCP_MAX_SESSIONS", "MCP_SESSION_IDLE_MINUTES",
        "DOCKERHUB_FILES_DIR", "MCP_AUTH_TOKEN");
    public static final Set<String> TOOL_MODES = Set.of("consolidated", "granular");

    public HostConfig {
        requireNonNull(transport, "transport is null");
        requireNonNull(host, "host is null");
        requireNonNull(toolMode, "toolMode is null");
        requireNonNull(pluginsDir, "pluginsDir is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(env, "env is null");
        requireNonNull(home, "home is null");
        if (!TRANSPORTS.contains(transport)) {
            throw new IllegalArgumentException("unknown transport '" + transport
                + "' (use stdio, streamable-http or sse)");
        }
        if (!TOOL_MODES.contains(toolMode)) {
            throw new IllegalArgumentException("unknown tool mode '" + toolMode + "' (use consolidated or granular)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (got " + port + ")");
        }
        allowedOrigins = Set.copyOf(allowedOrigins);
        allowedHosts = Set.copyOf(allowedHosts);
        env = Map.copyOf(env);
    }

    /**
     * Reads flags and environment. Flags: {@code --transport}, {@code --host}, {@code --port}, {@code --tool-mode}
     * (alias {@code --tools}), {@code --plugins-dir}, {@code --read-only}, {@code --allow-destructive},
     * {@code --allow-unauthenticated} (each switch also as {@code --name=true|false}), {@code --allowed-origin}
     * (repeatable), {@code --allowed-host} (repeatable), {@code --allowed-origins=a,b} and {@code --allowed-hosts=a,b}
     * (comma-separated), {@code --files-dir}, {@code --username}. Values as {@code --name value} or
     * {@code --name=value}.
     */
    public static HostConfig from(List<String> flags, Map<String, String> env, Path defaultPluginsDir, Path home) {
        Flags f = new Flags(flags);
        String transport = normalizeTransport(f.value("--transport", env.getOrDefault("TRANSPORT", "stdio")));
        String host = f.value("--host", env.getOrDefault("HOST", "127.0.0.1"));
        int port = parseInt("--port/PORT", f.value("--port", env.getOrDefault("PORT", "8000")));
        String toolMode = f.value("--tool-mode", f.value("--tools", env.getOrDefault("DOCKERHUB_TOOL_MODE",
            "consolidated"))).toLowerCase(Locale.ROOT);
        Path plugins = Path.of(f.value("--plugins-dir", env.getOrDefault("DOCKERHUB_PLUGINS_DIR",
            defaultPluginsDir.toString())));
        boolean readOnly = f.flag("--read-only", truthy("DOCKERHUB_READ_ONLY", env.get("DOCKERHUB_READ_ONLY"), false));
        boolean destructive = f.flag("--allow-destructive",
            truthy("DOCKERHUB_ALLOW_DESTRUCTIVE", env.get("DOCKERHUB_ALLOW_DESTRUCTIVE"), false));
        boolean unauthenticated = f.flag("--allow-unauthenticated",
            truthy("MCP_ALLOW_UNAUTHENTICATED", env.get("MCP_ALLOW_UNAUTHENTICATED"), false));
        Set<String> origins = new LinkedHashSet<>(f.values("--allowed-origin"));
        f.values("--allowed-origins").forEach(v -> origins.addAll(csv(v)));
        origins.addAll(csv(env.get("MCP_ALLOWED_ORIGINS")));
        Set<String> hosts = new LinkedHashSet<>(f.values("--allowed-host"));
        f.values("--allowed-hosts").forEach(v -> hosts.addAll(csv(v)));
        hosts.addAll(csv(env.get("MCP_ALLOWED_HOSTS")));
        String username = f.value("--username", null);
        int maxSessions = parseInt("MCP_MAX_SESSIONS", env.getOrDefault("MCP_MAX_SESSIONS", "100"));
        int idleMinutes = parseInt("MCP_SESSION_IDLE_MINUTES", env.getOrDefault("MCP_SESSION_IDLE_MINUTES", "30"));
        String files = f.value("--files-dir", env.get("DOCKERHUB_FILES_DIR"));
        f.rejectUnknown();
        String token = env.get("MCP_AUTH_TOKEN");
        return new HostConfig(transport, host, port, toolMode, plugins, new SafetyPolicy(readOnly, destructive),
            token == null || token.isBlank() ? null : token, unauthenticated, origins, hosts, maxSessions,
            Duration.ofMinutes(idleMinutes), env, home, files == null || files.isBlank() ? null : filesDir(files),
            username == null || username.isBlank() ? null : username.strip());
    }

    private static Path filesDir(String value) {
        try {
            return Path.of(value.strip());
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("DOCKERHUB_FILES_DIR (--files-dir) is not a valid path: '" + value + "'");
        }
    }

    /** Whether a plugin's toggle variable leaves it on (true/false, 1/0, yes/no, on/off; default on). */
    public boolean toggledOn(String toggle) {
        return truthy(toggle, env.get(toggle), true);
    }

    static String normalizeTransport(String t) {
        String v = t.toLowerCase(Locale.ROOT).trim();
        return switch (v) {
            case "http", "streamable_http", "streamablehttp", "streamable-http" -> "streamable-http";
            default -> v;
        };
    }

    /** Parses a boolean setting, naming the variable when the value means nothing. */
    public static boolean truthy(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "on" -> true;
            case "false", "0", "no", "n", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false (got '" + value + "')");
        };
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number (got '" + value + "')");
        }
    }

    private static List<String> csv(String v) {
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A tiny flag reader: {@code --name value}, {@code --name=value}, boolean {@code --name[=true|false]}. */
    static final class Flags {
        private final List<String> args;
        private final boolean[] used;

        Flags(List<String> args) {
            this.args = List.copyOf(args);
            this.used = new boolean[args.size()];
        }

        String value(String name, String fallback) {
            List<String> all = values(name);
            return all.isEmpty() ? fallback : all.get(all.size() - 1);
        }

        List<String> values(String name) {
            List<String> out = new java.util.ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals(name)) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    used[i] = true;
                    used[i + 1] = true;
                    out.add(args.get(++i));
                } else if (a.startsWith(name + "=")) {
                    used[i] = true;
                    out.add(a.substring(name.length() + 1));
                }
            }
            return out;
        }

        /** The last of {@code --name} (true) or {@code --name=true|false}; {@code fallback} when absent. */
        boolean flag(String name, boolean fallback) {
            boolean value = fallback;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals(name)) {
                    used[i] = true;
                    value = true;
                } else if (a.startsWith(name + "=")) {
                    used[i] = true;
                    value = truthy(name, a.substring(name.length() + 1), true);
                }
            }
            return value;
        }

        void rejectUnknown() {
            for (int i = 0; i < args.size(); i++) {
                if (!used[i]) {
                    throw new IllegalArgumentException("unknown option '" + args.get(i) + "' (see --help)");
                }
            }
        }
    }
}
