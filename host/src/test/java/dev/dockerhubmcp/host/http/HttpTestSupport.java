package dev.dockerhubmcp.host.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A small MCP server to put behind the transports, and plain HTTP helpers. */
final class HttpTestSupport {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final McpJsonMapper JSON = new JacksonMcpJsonMapper(MAPPER);
    static final String INIT_BODY = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"raw-test","version":"1.0"}}}""";
    static final String ACCEPT_BOTH = "application/json, text/event-stream";

    private HttpTestSupport() {
    }

    /** Binds a server with an {@code echo} tool and a {@code count} tool that reports progress and logs. */
    static final class TestBinder implements McpServerBinder {
        volatile McpSyncServer streamable;
        volatile McpSyncServer sse;
        final AtomicInteger bindCalls = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public AutoCloseable bindStreamable(McpStreamableServerTransportProvider provider) {
            bindCalls.incrementAndGet();
            streamable = configure(McpServer.sync(provider));
            McpSyncServer server = streamable;
            return () -> {
                closed.incrementAndGet();
                server.closeGracefully();
            };
        }

        @Override
        public AutoCloseable bindSse(McpServerTransportProvider provider) {
            bindCalls.incrementAndGet();
            sse = configure(McpServer.sync(provider));
            McpSyncServer server = sse;
            return () -> {
                closed.incrementAndGet();
                server.closeGracefully();
            };
        }
    }

    static McpSyncServer configure(McpServer.SyncSpecification<?> spec) {
        return spec.serverInfo("http-test", "1.0.0")
                .jsonMapper(JSON)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(MAPPER))
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).logging().build())
                .tools(echoTool(), countTool())
                .build();
    }

    static McpServerFeatures.SyncToolSpecification echoTool() {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder().name("echo").description("Echoes the text.")
                        .inputSchema(JSON, """
                                {"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}""")
                        .build())
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent("echo: " + request.arguments().get("text")).build())
                .build();
    }

    static McpServerFeatures.SyncToolSpecification countTool() {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder().name("count").description("Counts to n, reporting progress.")
                        .inputSchema(JSON, """
                                {"type":"object","properties":{"n":{"type":"integer","minimum":1,"maximum":20}},
                                 "required":["n"]}""")
                        .build())
                .callHandler((exchange, request) -> {
                    int n = ((Number) request.arguments().get("n")).intValue();
                    Object token = request.meta() == null ? null : request.meta().get("progressToken");
                    exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder()
                            .level(McpSchema.LoggingLevel.INFO).logger("count").data("counting to " + n).build());
                    for (int i = 1; i <= n; i++) {
                        if (token != null) {
                            exchange.progressNotification(
                                    new McpSchema.ProgressNotification(token, i, (double) n, "step " + i));
                        }
                    }
                    return McpSchema.CallToolResult.builder().addTextContent("counted to " + n).build();
                })
                .build();
    }

    static HttpSettings loopback() {
        return HttpSettings.defaults().withPort(0);
    }

    static HttpTransportServer start(HttpSettings settings, TestBinder binder) {
        return HttpTransportServer.start(settings, binder, () -> MAPPER.createObjectNode().put("version", "test"),
                new HttpTransportServer.Tuning(Duration.ofMillis(100)));
    }

    // ---- java.net.http ----

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A client whose connections come from another loopback address (127.0.0.2, ...): another client identity. */
    static HttpClient clientFrom(String localAddress) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .localAddress(java.net.InetAddress.getByName(localAddress)).build();
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static HttpResponse<String> post(URI uri, String body, String... headers) throws IOException, InterruptedException {
        return post(CLIENT, uri, body, headers);
    }

    static HttpResponse<String> post(HttpClient client, URI uri, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(String method, URI uri, String... headers) throws IOException, InterruptedException {
        return send(CLIENT, method, uri, headers);
    }

    static HttpResponse<String> send(HttpClient client, String method, URI uri, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs initialize and returns the new session id. */
    static String initialize(URI mcp, String... extraHeaders) throws IOException, InterruptedException {
        return initialize(CLIENT, mcp, extraHeaders);
    }

    static String initialize(HttpClient client, URI mcp, String... extraHeaders)
            throws IOException, InterruptedException {
        String[] headers = concat(new String[]{"Content-Type", "application/json", "Accept", ACCEPT_BOTH}, extraHeaders);
        HttpResponse<String> res = post(client, mcp, INIT_BODY, headers);
        if (res.statusCode() != 200) {
            throw new AssertionError("initialize answered " + res.statusCode() + ": " + res.body());
        }
        return res.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new AssertionError("no session id"));
    }

    /** Waits until {@code condition} holds (clients deliver notifications and close sessions asynchronously). */
    static void eventually(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> message) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + message.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    static JsonNode json(String body) throws IOException {
        return MAPPER.readTree(body);
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    // ---- raw HTTP/1.1, for headers java.net.http will not send (Host) ----

    record RawResponse(int status, Map<String, String> headers, String body) {
    }

    static RawResponse raw(int port, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putIfAbsent("Host", "127.0.0.1:" + port);
            all.put("Connection", "close");
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                all.put("Content-Length", String.valueOf(bytes.length));
            }
            all.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    /** Reads one response, framed by Content-Length or chunked encoding (the server may keep the socket open). */
    private static RawResponse parse(InputStream in) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            lines.add(line);
        }
        int status = Integer.parseInt(lines.getFirst().split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header : lines.subList(1, lines.size())) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            while (true) {
                int size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16);
                if (size == 0) {
                    readLine(in);
                    break;
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        return new RawResponse(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("connection closed before the response was complete");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
