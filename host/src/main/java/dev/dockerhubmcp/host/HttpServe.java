package dev.dockerhubmcp.host;

import dev.dockerhubmcp.host.mcp.McpServerFactory;

import java.io.PrintStream;

/** Serves MCP over HTTP (Streamable HTTP at /mcp, legacy SSE at /sse) until the process is stopped. */
final class HttpServe {
    private HttpServe() {
    }

    static int serve(HostRuntime runtime, McpServerFactory factory, PrintStream stderr) {
        stderr.println("dockerhub-mcp: the HTTP transports are not part of this build yet; use --transport stdio");
        return 2;
    }
}
