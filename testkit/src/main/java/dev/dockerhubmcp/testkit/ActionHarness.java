package dev.dockerhubmcp.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.engine.CallSink;
import dev.dockerhubmcp.engine.Engine;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.engine.safety.SafetyPolicy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Runs a plugin's actions exactly as the host does — arguments validated against the schema, the safety policy
 * applied, errors in the one shape, the envelope redacted — over the real shared clients pointed at fakes or a real
 * registry. For plugin tests, ours and third parties'.
 *
 * <pre>{@code
 * try (FakeHub hub = FakeHub.start().user("alice", "dckr_pat_x");
 *      ActionHarness h = ActionHarness.builder().hub(hub.url()).credentials("alice", "dckr_pat_x").build()) {
 *     Result r = h.call(new ReposPlugin(), "list", "{\"namespace\":\"alice\"}");
 *     ObjectNode envelope = h.envelope(r);
 * }
 * }</pre>
 */
public final class ActionHarness implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Engine engine;
    private final List<String> logs = new ArrayList<>();
    private final CallSink sink = new CallSink() {
        @Override
        public void log(String level, String message) {
            synchronized (logs) {
                logs.add(level + ": " + message);
            }
        }
    };

    private ActionHarness(Engine engine) {
        this.engine = engine;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs an action with arguments given as JSON text. */
    public Result call(DockerHubPlugin plugin, String action, String jsonArgs) {
        try {
            return call(plugin, action, jsonArgs == null || jsonArgs.isBlank() ? MAPPER.createObjectNode()
                : (ObjectNode) MAPPER.readTree(jsonArgs));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("arguments are not JSON: " + jsonArgs, e);
        }
    }

    public Result call(DockerHubPlugin plugin, String action, ObjectNode args) {
        requireNonNull(plugin, "plugin is null");
        Action a = plugin.actions().stream().filter(x -> x.name().equals(action)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(plugin.id() + " has no action " + action));
        return engine.invoker().run(plugin.toolName() + " " + action, a, args, context());
    }

    /** The envelope an MCP client would receive as structuredContent. */
    public ObjectNode envelope(Result result) {
        return engine.invoker().envelope(result);
    }

    /** The context handed to handlers (the host's, with log lines kept for {@link #logs()}). */
    public ActionContext context() {
        return engine.context(sink);
    }

    /** Log lines handlers sent. */
    public List<String> logs() {
        synchronized (logs) {
            return List.copyOf(logs);
        }
    }

    public DefaultUpstreams upstreams() {
        return engine.upstreams();
    }

    @Override
    public void close() {
        engine.close();
    }

    public static final class Builder {
        private final UpstreamConfig.Builder config = UpstreamConfig.builder()
            .hubUrl("http://127.0.0.1:9")
            .registryUrl("http://127.0.0.1:9")
            .scoutUrl("http://127.0.0.1:9")
            .registryAuthUrl("http://127.0.0.1:9/token")
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(10))
            .maxRetryWait(Duration.ofSeconds(2))
            .maxTotalRetryWait(Duration.ofSeconds(5));
        private final Engine.Builder engine = Engine.builder(config::build);
        private boolean readOnly;
        private boolean allowDestructive;

        public Builder hub(String url) {
            config.hubUrl(url);
            return this;
        }

        public Builder registry(String url) {
            config.registryUrl(url);
            return this;
        }

        public Builder registryAuth(String url) {
            config.registryAuthUrl(url);
            return this;
        }

        public Builder scout(String url) {
            config.scoutUrl(url);
            return this;
        }

        public Builder credentials(String identifier, String secret) {
            config.credentials(Credentials.of(identifier, secret, "test"));
            return this;
        }

        /**
         * The registry's own login (a registry other than Docker Hub never gets the Hub credentials of
         * {@link #credentials}).
         */
        public Builder registryCredentials(String identifier, String secret) {
            config.registryCredentials(Credentials.of(identifier, secret, "test"));
            return this;
        }

        public Builder jwt(String jwt) {
            config.credentials(Credentials.jwt(jwt));
            return this;
        }

        public Builder scimToken(String token) {
            config.scimToken(token);
            return this;
        }

        public Builder allowDestructive(boolean allow) {
            this.allowDestructive = allow;
            return this;
        }

        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /** The files directory (DOCKERHUB_FILES_DIR) for path arguments; without it they are refused. */
        public Builder filesDir(Path dir) {
            engine.filesDir(dir);
            return this;
        }

        /** The clock handlers see ({@code ctx.clock()}): expiry checks and countdowns. */
        public Builder clock(Clock clock) {
            engine.clock(clock);
            return this;
        }

        /** Any other configuration (timeouts, retries). */
        public Builder configure(Consumer<UpstreamConfig.Builder> change) {
            change.accept(config);
            return this;
        }

        public ActionHarness build() {
            Engine built = engine.policy(new SafetyPolicy(readOnly, allowDestructive)).build();
            built.upstreams(); // the clients exist from the start, as a test expects
            return new ActionHarness(built);
        }
    }
}
