package dev.dockerhubmcp.engine;

import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.PluginInfo;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.files.LocalFiles;
import dev.dockerhubmcp.engine.files.FilesRoot;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.engine.safety.SafetyPolicy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * What runs actions in one process (the server, or a test's harness): the shared upstream clients (built on first
 * use, so start-up pays for neither credential look-ups nor HTTP clients), the rate-limit view, the files directory,
 * the clock, the {@link ToolInvoker}, and the one place where the context handed to handlers is built.
 */
public final class Engine implements AutoCloseable {
    private final Supplier<UpstreamConfig> upstreamConfig;
    private final RateLimits rateLimits = new RateLimits();
    private final ToolInvoker invoker;
    private final LocalFiles files;
    private final Clock clock;
    private final Supplier<List<PluginInfo>> plugins;
    private volatile DefaultUpstreams upstreams;

    private Engine(Builder b) {
        this.upstreamConfig = b.upstreamConfig;
        this.invoker = new ToolInvoker(b.policy, rateLimits);
        this.files = b.filesDir == null ? FilesRoot.OFF : FilesRoot.of(b.filesDir);
        this.clock = b.clock;
        this.plugins = b.plugins;
    }

    /** @param upstreamConfig read when a client is first needed */
    public static Builder builder(Supplier<UpstreamConfig> upstreamConfig) {
        return new Builder(upstreamConfig);
    }

    public ToolInvoker invoker() {
        return invoker;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    /** The shared clients, created on first use. */
    public DefaultUpstreams upstreams() {
        DefaultUpstreams u = upstreams;
        if (u == null) {
            synchronized (this) {
                u = upstreams;
                if (u == null) {
                    u = new DefaultUpstreams(upstreamConfig.get(), rateLimits);
                    upstreams = u;
                }
            }
        }
        return u;
    }

    /** The context for one call; progress and log go where {@code sink} sends them. */
    public ActionContext context(CallSink sink) {
        requireNonNull(sink, "sink is null");
        return new ActionContext() {
            @Override
            public <T> T client(Class<T> type) {
                return upstreams().client(type);
            }

            @Override
            public RateLimits rateLimits() {
                return rateLimits;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public LocalFiles files() {
                return files;
            }

            @Override
            public void progress(long done, Long total, String message) {
                sink.progress(done, total, message);
            }

            @Override
            public void log(String level, String message) {
                sink.log(level, message);
            }

            @Override
            public boolean cancelled() {
                return sink.cancelled();
            }

            @Override
            public List<PluginInfo> plugins() {
                return plugins.get();
            }
        };
    }

    @Override
    public void close() {
        DefaultUpstreams u = upstreams;
        if (u != null) {
            u.close();
        }
    }

    public static final class Builder {
        private final Supplier<UpstreamConfig> upstreamConfig;
        private SafetyPolicy policy = SafetyPolicy.DEFAULT;
        private Path filesDir;
        private Clock clock = Clock.systemUTC();
        private Supplier<List<PluginInfo>> plugins = List::of;

        private Builder(Supplier<UpstreamConfig> upstreamConfig) {
            this.upstreamConfig = requireNonNull(upstreamConfig, "upstreamConfig is null");
        }

        public Builder policy(SafetyPolicy policy) {
            this.policy = requireNonNull(policy, "policy is null");
            return this;
        }

        /** The files directory (DOCKERHUB_FILES_DIR); null: path arguments are refused. */
        public Builder filesDir(Path dir) {
            this.filesDir = dir;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /** The plugins the context reports (hub_admin). */
        public Builder plugins(Supplier<List<PluginInfo>> plugins) {
            this.plugins = requireNonNull(plugins, "plugins is null");
            return this;
        }

        public Engine build() {
            return new Engine(this);
        }
    }
}
