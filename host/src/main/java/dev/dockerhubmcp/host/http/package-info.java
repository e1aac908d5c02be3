/**
 * The HTTP transports of the host, on Helidon 4 SE (the MCP Java SDK has none for Helidon).
 *
 * <p>{@link dev.dockerhubmcp.host.http.HttpTransportServer#start} binds the MCP servers through a
 * {@link dev.dockerhubmcp.host.http.McpServerBinder} and serves:
 * <ul>
 *   <li>{@code POST/GET/DELETE /mcp}: Streamable HTTP (protocol 2025-03-26, 2025-06-18, 2025-11-25), sessions with
 *       {@code Mcp-Session-Id}, answers as JSON or as an event stream, several GET streams per session;</li>
 *   <li>{@code GET /sse} + {@code POST /message?sessionId=}: the HTTP+SSE transport of protocol 2024-11-05;</li>
 *   <li>{@code GET /health}.</li>
 * </ul>
 * Every request passes the {@code Host}/{@code Origin} checks (DNS-rebinding protection) and, on the MCP endpoints,
 * the bearer token when {@code MCP_AUTH_TOKEN} is set; the server refuses to listen beyond loopback without one
 * unless told to. Bodies, sessions and idle time are bounded; errors are JSON-RPC error objects.
 */
package dev.dockerhubmcp.host.http;
