package dev.dockerhubmcp.host.http;

import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

/**
 * Builds the MCP servers (tools, capabilities) on the transport providers of {@link HttpTransportServer}.
 * Each method is called once, before the server starts listening; each returned handle is closed when the
 * HTTP server stops (typically {@code server::closeGracefully}).
 */
public interface McpServerBinder {

    /** Builds the MCP server on the Streamable HTTP provider, e.g. {@code McpServer.sync(provider)...build()}. */
    AutoCloseable bindStreamable(McpStreamableServerTransportProvider provider);

    /** Same for the legacy HTTP+SSE transport (protocol 2024-11-05): {@code GET /sse} + {@code POST /message?sessionId=}. */
    AutoCloseable bindSse(McpServerTransportProvider provider);
}
