package dev.dockerhubmcp.host.stdio;

import dev.dockerhubmcp.host.mcp.McpServerFactory;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The stdio transport: newline-delimited JSON-RPC on stdin/stdout (stdout carries protocol only). Any line is
 * answered or handled and reading goes on (see {@link StdioTransport}); at stdin EOF the server answers every request
 * it read, bounded by a grace period so a stuck upstream cannot keep the process alive for ever, and returns.
 */
public final class StdioServer {
    private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);

    private final McpServerFactory factory;
    private final Duration drainLimit;

    public StdioServer(McpServerFactory factory, Duration drainLimit) {
        this.factory = requireNonNull(factory, "factory is null");
        this.drainLimit = requireNonNull(drainLimit, "drainLimit is null");
    }

    /** Serves until stdin closes and every request read has been answered. */
    public void run(InputStream stdin, OutputStream stdout) throws InterruptedException {
        StdioTransport transport = new StdioTransport(factory.jsonMapper(), stdin, stdout,
            StdioTransport.DEFAULT_MAX_LINE_BYTES);
        McpSyncServer server = factory.configure(McpServer.sync(transport)).build();
        transport.readUntilEof();
        if (!transport.awaitAnswered(drainLimit)) {
            LOG.warn("stdin closed; {} request(s) still unanswered after {} s, exiting", transport.unansweredCount(),
                drainLimit.toSeconds());
        }
        try {
            stdout.flush();
        } catch (IOException ignored) {
            // the client is gone
        }
        try {
            server.closeGracefully();
        } catch (RuntimeException e) {
            LOG.debug("close: {}", e.toString());
        }
    }
}
