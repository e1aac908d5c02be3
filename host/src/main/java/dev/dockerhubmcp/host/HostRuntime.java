package dev.dockerhubmcp.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.PluginInfo;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.engine.files.FilesRoot;
import dev.dockerhubmcp.api.files.LocalFiles;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.api.hub.HubClient;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.engine.ToolInvoker;
import dev.dockerhubmcp.api.scout.ScoutClient;
import dev.dockerhubmcp.host.plugins.PluginJarLoader;
import dev.dockerhubmcp.host.tools.ToolCatalog;
import dev.dockerhubmcp.host.tools.ToolSpec;

import java.util.List;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * What one server process owns: the configuration, the loaded plugins, the tool catalog and the shared upstream
 * clients (one of each; built on first use, so start-up pays for neither credential look-ups nor HTTP clients).
 */
public final class HostRuntime implements AutoCloseable {
    private final HostConfig config;
    private final PluginJarLoader plugins;
    private final ToolCatalog catalog;
    private final RateLimits rateLimits = new RateLimits();
    private final ToolInvoker invoker;
    private final Supplier<UpstreamConfig> upstreamConfig;
    private final LocalFiles files;
    private volatile DefaultUpstreams upstreams;

    public HostRuntime(HostConfig config, PluginJarLoader plugins, Supplier<UpstreamConfig> upstreamConfig) {
        this.config = requireNonNull(config, "config is null");
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.upstreamConfig = requireNonNull(upstreamConfig, "upstreamConfig is null");
        this.files = config.filesDir() == null ? FilesRoot.OFF : FilesRoot.of(config.filesDir());
        this.invoker = new ToolInvoker(config.policy(), rateLimits);
        this.catalog = ToolCatalog.build(plugins.plugins(), config.toolMode(), invoker);
    }

    public HostConfig config() {
        return config;
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    public List<PluginInfo> pluginInfos() {
        return plugins.infos();
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

    /**
     * Runs one call of {@code tool} (MCP or CLI) through the one pipeline: the answer and its envelope; never throws
     * for a failing call (reading the arguments included).
     */
    public ToolInvoker.Answer call(ToolSpec tool, Supplier<ObjectNode> arguments, CallSink sink) {
        return invoker.invoke(tool.name(), () -> tool.call().run(arguments.get(), context(sink)));
    }

    /** A context for one call; progress and log go where {@code sink} sends them. */
    public ActionContext context(CallSink sink) {
        requireNonNull(sink, "sink is null");
        return new ActionContext() {
            @Override
            public HubClient hub() {
                return upstreams().hub();
            }

            @Override
            public RegistryClient registry() {
                return upstreams().registry();
            }

            @Override
            public ScoutClient scout() {
                return upstreams().scout();
            }


            @Override
            public RateLimits rateLimits() {
                return rateLimits;
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
                return plugins.infos();
            }
        };
    }

    /** Where a call's progress and log lines go (the MCP exchange, or stderr for the CLI). */
    public interface CallSink {
        default void progress(long done, Long total, String message) {
        }

        default void log(String level, String message) {
        }

        default boolean cancelled() {
            return false;
        }
    }

    @Override
    public void close() {
        DefaultUpstreams u = upstreams;
        if (u != null) {
            u.close();
        }
        plugins.close();
    }
}
