package dev.dockerhubmcp.host;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.engine.CallSink;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.engine.http.UpstreamConfigs;
import dev.dockerhubmcp.engine.ToolInvoker;
import dev.dockerhubmcp.host.cli.CliArgs;
import dev.dockerhubmcp.host.cli.ToolTable;
import dev.dockerhubmcp.host.mcp.McpServerFactory;
import dev.dockerhubmcp.host.plugins.PluginJarLoader;
import dev.dockerhubmcp.host.stdio.StdioServer;
import dev.dockerhubmcp.host.tools.ToolSpec;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: {@code dockerhub-mcp [serve] [options]} runs the MCP server (stdio by default),
 * {@code dockerhub-mcp tools [--json|--markdown]} lists every tool and action with its effect, and
 * {@code dockerhub-mcp call <tool> [<action>] [key=value …]} runs one action without an MCP client and prints its
 * envelope (exit 0 on success; the error on stderr and exit 1 otherwise).
 */
public final class Main {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String USAGE = """
        dockerhub-mcp — an MCP server for Docker Hub, the Docker Registry API v2 and Docker Scout

        Usage:
          dockerhub-mcp [serve] [options]          run the MCP server (stdio unless --transport says otherwise)
          dockerhub-mcp tools [--json|--markdown]  list every tool and action with its effect
          dockerhub-mcp call <tool> [<action>] [key=value ...] [--json]
                                                   run one action and print its result envelope
                                                   (values take the parameter's type: text for strings,
                                                   JSON for numbers, booleans, arrays and objects; quotes
                                                   around a value are removed;
                                                   params_json='{"k":"v"}' passes a whole object)
          dockerhub-mcp --help | --version

        Options (each also an environment variable):
          --transport stdio|streamable-http|sse   TRANSPORT (default stdio; http means streamable-http)
          --host ADDRESS                           HOST (default 127.0.0.1)
          --port N                                 PORT (default 8000)
          --tool-mode consolidated|granular        DOCKERHUB_TOOL_MODE (default consolidated)
          --plugins-dir DIR                        DOCKERHUB_PLUGINS_DIR (default: plugins/ of the installation)
          --read-only                              DOCKERHUB_READ_ONLY=true: only read actions are listed,
                                                   no local file is written
          --files-dir DIR                          DOCKERHUB_FILES_DIR: the only directory file arguments
                                                   (output_path, source_path) may name; unset: none allowed
          --allow-destructive                      DOCKERHUB_ALLOW_DESTRUCTIVE=true: allow deletes and deactivations
          --allow-unauthenticated                  serve HTTP beyond loopback without MCP_AUTH_TOKEN
          --allowed-origin ORIGIN, --allowed-host NAME   extra Origins/Hosts accepted over HTTP
          --allowed-origins=A,B, --allowed-hosts=A,B     the same, comma-separated
          --username NAME                          the Docker ID for HUB_PAT_TOKEN (docker/hub-mcp's interface)
        Every option also takes the --name=value form; switches take =true or =false.

        Credentials, first found wins: DOCKERHUB_JWT; --username + HUB_PAT_TOKEN; DOCKER_HUB_USER +
        DOCKER_HUB_TOKEN (a personal or organization access token); DOCKERHUB_USERNAME + DOCKERHUB_TOKEN; the
        Docker CLI's login (docker login).
        SCIM: DOCKERHUB_SCIM_TOKEN. Upstreams: DOCKERHUB_URL, DOCKER_REGISTRY_URL, DOCKER_REGISTRY_AUTH_URL,
        DOCKER_SCOUT_URL. Plugins: AUTHTOOL, REPOSTOOL, ORGTOOL, TEAMSTOOL, AUDITTOOL, SCIMTOOL, ADMINTOOL,
        REGISTRYTOOL, SCOUTTOOL=false turn one off. Logs go to stderr (DOCKERHUB_LOG_LEVEL, default warn).
        Time limits (seconds): DOCKERHUB_REQUEST_TIMEOUT (one API request, default 60), DOCKERHUB_CALL_TIMEOUT
        (one tool call, default 120), DOCKERHUB_READ_TIMEOUT (between bytes, default 30).
        """;

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging(System.getenv());
        // stdout carries MCP protocol only: keep the real stdout for the protocol and the CLI's output, and send
        // anything else that prints to System.out to stderr.
        // Both always UTF-8, whatever the locale (a client launching us may set none).
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // every line to stderr (logs of ours, the MCP SDK's and other libraries') passes the redactor
        PrintStream stderr = new PrintStream(new RedactingOutput(new FileOutputStream(FileDescriptor.err)), true,
            StandardCharsets.UTF_8);
        System.setOut(stderr);
        System.setErr(stderr);
        int code = run(Arrays.asList(args), System.in, stdout, stderr, System.getenv(),
            Path.of(System.getProperty("user.home", ".")));
        stdout.flush();
        System.exit(code);
    }

    /** Runs a command; returns the exit code. */
    public static int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr,
                          Map<String, String> env, Path home) {
        try {
            String command = args.isEmpty() || args.get(0).startsWith("--") ? "serve" : args.get(0);
            List<String> rest = args.isEmpty() || args.get(0).startsWith("--") ? args : args.subList(1, args.size());
            if (rest.contains("--help") || rest.contains("-h") || command.equals("help") || command.equals("-h")) {
                stdout.print(USAGE);
                return 0;
            }
            if (rest.contains("--version") || command.equals("version")) {
                stdout.println("dockerhub-mcp " + Versions.server() + " (plugin API " + Versions.api() + ")");
                return 0;
            }
            CliArgs cli = CliArgs.parse(rest);
            return switch (command) {
                case "serve" -> serve(cli, stdin, stdout, stderr, env, home);
                case "tools" -> tools(cli, stdout, stderr, env, home);
                case "call" -> call(cli, stdout, stderr, env, home);
                default -> {
                    stderr.println("dockerhub-mcp: unknown command '" + command + "' (see --help)");
                    yield 2;
                }
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            stderr.println("dockerhub-mcp: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    static HostRuntime runtime(CliArgs cli, PrintStream stderr, Map<String, String> env, Path home) {
        HostConfig config = HostConfig.from(cli.options(), env, defaultPluginsDir(), home);
        PluginJarLoader loader = new PluginJarLoader(config.pluginsDir(), Versions.api(), config::toggledOn,
            line -> stderr.println("dockerhub-mcp: " + line)).load();
        return new HostRuntime(config, loader, () -> upstreamConfig(env, home, config.username()));
    }

    static UpstreamConfig upstreamConfig(Map<String, String> env, Path home, String username) {
        return UpstreamConfigs.fromEnvironment(env, home, username);
    }

    static Path defaultPluginsDir() {
        String home = System.getProperty("dockerhubmcp.home");
        return home == null ? Path.of("plugins") : Path.of(home, "plugins");
    }

    private static int serve(CliArgs cli, InputStream stdin, PrintStream stdout, PrintStream stderr,
                             Map<String, String> env, Path home) throws InterruptedException {
        try (HostRuntime runtime = runtime(cli, stderr, env, home)) {
            McpServerFactory factory = new McpServerFactory(runtime, Versions.server());
            factory.prewarm();
            String transport = runtime.config().transport();
            if (transport.equals("stdio")) {
                new StdioServer(factory, Duration.ofSeconds(60)).run(stdin, stdout);
                return 0;
            }
            return HttpServe.serve(runtime, factory, stderr);
        }
    }

    private static int tools(CliArgs cli, PrintStream stdout, PrintStream stderr, Map<String, String> env,
                             Path home) {
        try (HostRuntime runtime = runtime(cli, stderr, env, home)) {
            List<ToolSpec> tools = runtime.catalog().tools();
            if (cli.json()) {
                stdout.println(ToolTable.json(tools).toPrettyString());
            } else if (cli.markdown()) {
                stdout.print(ToolTable.markdown(tools));
            } else {
                stdout.print(ToolTable.text(tools));
            }
            return 0;
        }
    }

    private static int call(CliArgs cli, PrintStream stdout, PrintStream stderr, Map<String, String> env, Path home) {
        List<String> words = cli.positional();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("call needs a tool name, e.g. 'call hub_repos list namespace=library'");
        }
        try (HostRuntime runtime = runtime(cli, stderr, env, home)) {
            String toolName = words.get(0);
            Optional<ToolSpec> tool = runtime.catalog().tool(toolName);
            if (tool.isEmpty()) {
                stderr.println("dockerhub-mcp: no tool '" + toolName + "'; see 'dockerhub-mcp tools'");
                return 2;
            }
            ObjectNode args = MAPPER.createObjectNode();
            int i = 1;
            boolean consolidated = tool.get().inputSchema().path("properties").has("action")
                && tool.get().actions().size() >= 1 && !toolName.endsWith("_" + tool.get().actions().get(0).action());
            if (consolidated && words.size() > 1 && !words.get(1).contains("=")) {
                args.put("action", words.get(1));
                i = 2;
            }
            Map<String, String> given = new LinkedHashMap<>();
            for (; i < words.size(); i++) {
                String w = words.get(i);
                int eq = w.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected key=value, got '" + w + "'");
                }
                given.put(w.substring(0, eq), w.substring(eq + 1));
            }
            String actionName = args.has("action") ? args.get("action").asText() : given.get("action");
            // the action's own schema types each value; the tool's covers action, params, params_json and topic
            JsonNode own = tool.get().actions().stream().filter(a -> !consolidated || a.action().equals(actionName))
                .findFirst().map(a -> (JsonNode) a.inputSchema().path("properties")).orElse(null);
            JsonNode toolProps = tool.get().inputSchema().path("properties");
            for (Map.Entry<String, String> e : given.entrySet()) {
                JsonNode prop = own != null && own.has(e.getKey()) ? own.get(e.getKey()) : toolProps.get(e.getKey());
                args.set(e.getKey(), value(e.getValue(), prop));
            }
            ToolInvoker.Answer answer = runtime.call(tool.get(), () -> args, new CallSink() {
                @Override
                public void log(String level, String message) {
                    stderr.println(level + ": " + message);
                }
            });
            ObjectNode envelope = answer.envelope();
            if (answer.isError()) {
                stderr.println(cli.json() ? envelope.toString() : envelope.toPrettyString());
                return 1;
            }
            stdout.println(cli.json() ? envelope.toString() : envelope.toPrettyString());
            return 0;
        }
    }

    /**
     * A CLI value, typed by the parameter's schema: text where it says string; JSON where it says number, integer,
     * boolean, array or object (text when that does not parse, so the check names the field). Without a type, JSON
     * when it parses as a number, boolean, array or object, else text. Quotes around a value are removed (and make an
     * untyped value text).
     */
    static JsonNode value(String raw, JsonNode schema) {
        String v = unquote(raw);
        boolean quoted = v.length() != raw.length();
        String type = schema == null ? "" : schema.path("type").asText("");
        switch (type) {
            case "string" -> {
                return MAPPER.getNodeFactory().textNode(v);
            }
            case "integer", "number", "boolean", "array", "object" -> {
                return json(v).orElse(MAPPER.getNodeFactory().textNode(v));
            }
            default -> {
                String t = v.trim();
                if (quoted || t.isEmpty()) {
                    return MAPPER.getNodeFactory().textNode(v);
                }
                char c = t.charAt(0);
                if (c == '{' || c == '[' || c == '-' || Character.isDigit(c) || t.equals("true") || t.equals("false")
                    || t.equals("null")) {
                    return json(t).orElse(MAPPER.getNodeFactory().textNode(v));
                }
                return MAPPER.getNodeFactory().textNode(v);
            }
        }
    }

    private static Optional<JsonNode> json(String text) {
        try {
            JsonNode n = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text.trim());
            return Optional.ofNullable(n).filter(x -> !x.isMissingNode());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The text between a pair of matching quotes around the whole value, or the value itself. */
    static String unquote(String raw) {
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
            && raw.charAt(raw.length() - 1) == raw.charAt(0)) {
            return raw.substring(1, raw.length() - 1);
        }
        return raw;
    }

    /** slf4j-simple to stderr; quiet by default (DOCKERHUB_LOG_LEVEL=debug for more). */
    static void configureLogging(Map<String, String> env) {
        String level = env.getOrDefault("DOCKERHUB_LOG_LEVEL", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        // PF4J's own messages duplicate the one line per plugin problem the loader prints
        System.setProperty("org.slf4j.simpleLogger.log.org.pf4j", "off");
        // Helidon logs through java.util.logging (to stderr): the same threshold
        java.util.logging.Level jul = switch (level.toLowerCase(java.util.Locale.ROOT)) {
            case "trace" -> java.util.logging.Level.FINEST;
            case "debug" -> java.util.logging.Level.FINE;
            case "info" -> java.util.logging.Level.INFO;
            case "error" -> java.util.logging.Level.SEVERE;
            default -> java.util.logging.Level.WARNING;
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(jul);
        for (java.util.logging.Handler h : root.getHandlers()) {
            h.setLevel(jul);
            if (!(h.getFormatter() instanceof RedactingOutput.JulFormatter)) {
                h.setFormatter(new RedactingOutput.JulFormatter(h.getFormatter()));
            }
        }
    }
}
