package dev.dockerhubmcp.host.http;

import dev.dockerhubmcp.host.mcp.JsonRpcInput;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.http.ServerRequest;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** Reading and checking what clients send: bodies, media types, JSON-RPC messages. */
final class HttpRequests {

    private HttpRequests() {
    }

    /** A request the transport refuses, with the HTTP status and JSON-RPC error to answer. */
    static final class Refusal extends Exception {
        final int status;
        final int code;
        final transient Object id;

        Refusal(int status, int code, String message) {
            this(status, code, message, null);
        }

        /** With the id of the request refused, when it could be read. */
        Refusal(int status, int code, String message, Object id) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.id = id;
        }
    }

    /** What the client's {@code Accept} allows. No header accepts everything. */
    record Accepts(boolean json, boolean eventStream) {
        static Accepts of(Headers headers) {
            List<String> values = headers.values(HeaderNames.ACCEPT);
            if (values.isEmpty()) {
                return new Accepts(true, true);
            }
            boolean json = false;
            boolean sse = false;
            for (String value : values) {
                for (String range : value.split(",")) {
                    String[] parts = range.split(";");
                    String type = parts[0].strip().toLowerCase(Locale.ROOT);
                    boolean refused = false;
                    for (int i = 1; i < parts.length; i++) {
                        String param = parts[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
                        if (param.matches("q=0(\\.0{0,3})?")) {
                            refused = true;
                        }
                    }
                    if (refused) {
                        continue;
                    }
                    switch (type) {
                        case "*/*" -> {
                            json = true;
                            sse = true;
                        }
                        case "application/*", "application/json" -> json = true;
                        case "text/*", "text/event-stream" -> sse = true;
                        default -> { }
                    }
                }
            }
            return new Accepts(json, sse);
        }
    }

    /** POST bodies must be JSON. */
    static void requireJsonContent(ServerRequest req) throws Refusal {
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        String bare = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!bare.equals("application/json")) {
            throw new Refusal(415, HttpReplies.INVALID_REQUEST,
                    "Unsupported Media Type: Content-Type must be application/json");
        }
    }

    /** Reads the body, refusing (413) more than {@code max} bytes whether or not a Content-Length was sent. */
    static String readBody(ServerRequest req, long max) throws Refusal {
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > max) {
            throw tooLarge(max);
        }
        int limit = (int) Math.min(max, Integer.MAX_VALUE - 16L);
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(max);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new Refusal(400, HttpReplies.INVALID_REQUEST, "Bad Request: cannot read the request body");
        }
    }

    private static Refusal tooLarge(long max) {
        return new Refusal(413, HttpReplies.INVALID_REQUEST,
                "Payload Too Large: the request body exceeds " + max + " bytes");
    }

    /** One JSON-RPC message (no batches: protocol 2025-06-18 removed them), checked as on every transport. */
    static McpSchema.JSONRPCMessage parseMessage(McpJsonMapper json, String body) throws Refusal {
        try {
            return JsonRpcInput.parse(json, body);
        } catch (JsonRpcInput.Invalid e) {
            throw new Refusal(400, e.code(), e.getMessage(), e.id());
        }
    }

    /** What a tool handler may learn about the HTTP request (never its headers, which may carry the token). */
    static McpTransportContext context(ServerRequest req, String transport) {
        return McpTransportContext.create(Map.of(
                "transport", transport,
                "remoteAddress", String.valueOf(req.remotePeer().address())));
    }

    /**
     * Who is asking, for the per-client session cap and for binding a session to its creator: the remote address
     * without its port, and when the server requires a bearer token also a digest of the token sent, so that two
     * machines sharing one token are still two clients.
     */
    static String clientIdentity(ServerRequest req, boolean byToken) {
        SocketAddress remote = req.remotePeer().address();
        String address = remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? "address:" + inet.getAddress().getHostAddress()
                : "address:" + remote;
        if (!byToken) {
            return address;
        }
        String value = req.headers().first(HeaderNames.AUTHORIZATION).orElse("").strip();
        String token = value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : value;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "token:" + HexFormat.of().formatHex(digest) + " " + address;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A session id must be visible ASCII and of bounded length. */
    static boolean validSessionId(String id) {
        if (id.isEmpty() || id.length() > 256) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
