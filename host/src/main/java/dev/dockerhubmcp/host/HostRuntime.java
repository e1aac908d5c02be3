package dev.dockerhubmcp.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.PluginInfo;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.engine.CallSink;
import dev.dockerhubmcp.engine.Engine;
import dev.dockerhubmcp.engine.ToolInvoker;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.host.plugins.PluginJarLoader;
import dev.dockerhubmcp.host.tools.ToolCatalog;
import dev.dockerhubmcp.host.tools.ToolSpec;

import java.util.List;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * What one server process owns: the configuration, the loaded plugins, the tool catalog and the engine (the shared
 * upstream clients, built on first use, and the call pipeline).
 */
public final class HostRuntime implements AutoCloseable {
    private final HostConfig config;
    private final PluginJarLoader plugins;
    private final ToolCatalog catalog;
    private final Engine engine;

    public HostRuntime(HostConfig config, PluginJarLoader plugins, Supplier<UpstreamConfig> upstreamConfig) {
        this.config = requireNonNull(config, "config is null");
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.engine = Engine.builder(requireNonNull(upstreamConfig, "upstreamConfig is null"))
            .policy(config.policy())
            .filesDir(config.filesDir())
            .plugins(plugins::infos)
            .build();
        this.catalog = ToolCatalog.build(plugins.plugins(), config.toolMode(), engine.invoker());
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
        return engine.rateLimits();
    }

    /** The shared clients, created on first use. */
    public DefaultUpstreams upstreams() {
        return engine.upstreams();
    }

    /**
     * Runs one call of {@code tool} (MCP or CLI) through the one pipeline: the answer and its envelope; never throws
     * for a failing call (reading the arguments included).
     */
    public ToolInvoker.Answer call(ToolSpec tool, Supplier<ObjectNode> arguments, CallSink sink) {
        return engine.invoker().invoke(tool.name(), () -> tool.call().run(arguments.get(), engine.context(sink)));
    }

    @Override
    public void close() {
        engine.close();
        plugins.close();
    }
}
