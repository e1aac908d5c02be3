package dev.dockerhubmcp.host;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.host.http.HttpSettings;
import dev.dockerhubmcp.host.http.HttpTransportServer;
import dev.dockerhubmcp.host.http.McpServerBinder;
import dev.dockerhubmcp.host.mcp.McpServerFactory;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Serves MCP over HTTP — Streamable HTTP at {@code /mcp}, the legacy SSE transport at {@code /sse}, health at
 * {@code /health} — until the process is told to stop (SIGTERM, SIGINT), then closes sessions gracefully.
 */
final class HttpServe {
    private HttpServe() {
    }

    static int serve(HostRuntime runtime, McpServerFactory factory, PrintStream stderr) throws InterruptedException {
        HostConfig c = runtime.config();
        HttpSettings settings = HttpSettings.defaults()
            .withHost(c.host())
            .withPort(c.port())
            .withAuthToken(c.authToken())
            .withAllowUnauthenticated(c.allowUnauthenticated())
            .withAllowedOrigins(c.allowedOrigins())
            .withAllowedHosts(c.allowedHosts())
            .withMaxSessions(c.maxSessions())
            .withIdleTimeout(c.sessionIdleTimeout());
        McpServerBinder binder = new McpServerBinder() {
            @Override
            public AutoCloseable bindStreamable(McpStreamableServerTransportProvider provider) {
                McpSyncServer server = factory.configure(McpServer.sync(provider)).build();
                return server::closeGracefully;
            }

            @Override
            public AutoCloseable bindSse(McpServerTransportProvider provider) {
                McpSyncServer server = factory.configure(McpServer.sync(provider)).build();
                return server::closeGracefully;
            }
        };
        ObjectNode health = JsonNodeFactory.instance.objectNode();
        health.put("server", McpServerFactory.NAME);
        health.put("version", Versions.server());
        health.put("tools", runtime.catalog().tools().size());
        health.put("read_only", c.policy().readOnly());
        HttpTransportServer server = HttpTransportServer.start(settings, binder, () -> health);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "dockerhub-mcp-shutdown"));
        stderr.println("dockerhub-mcp: serving MCP at " + server.endpoint() + " (legacy SSE at /sse, health at "
            + "/health); " + runtime.catalog().tools().size() + " tools"
            + (settings.authToken() == null ? "" : "; bearer token required"));
        stopped.await();
        return 0;
    }
}
