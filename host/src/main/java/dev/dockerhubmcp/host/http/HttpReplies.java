package dev.dockerhubmcp.host.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes JSON bodies and JSON-RPC error objects; never stack traces. */
final class HttpReplies {
    /** JSON-RPC codes. -32000..-32099 are the implementation-defined server errors. */
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    static final int SERVER_ERROR = -32000;
    static final int SESSION_NOT_FOUND = -32001;

    static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpReplies() {
    }

    /** {@code {"jsonrpc":"2.0","id":null,"error":{"code":...,"message":...}}} with the given HTTP status. */
    static void error(ServerResponse res, int status, int code, String message) {
        error(res, status, null, code, message);
    }

    static void error(ServerResponse res, int status, Object id, int code, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.set("id", id == null ? MAPPER.nullNode() : MAPPER.valueToTree(id));
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        json(res, status, body);
    }

    static void json(ServerResponse res, int status, JsonNode body) {
        try {
            json(res, status, MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void json(ServerResponse res, int status, String body) {
        json(res, status, body.getBytes(StandardCharsets.UTF_8));
    }

    static void json(ServerResponse res, int status, byte[] body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(body);
    }

    /** 405 with the {@code Allow} header: "use GET" for {@code allow} "GET". */
    static void methodNotAllowed(ServerResponse res, String allow) {
        methodNotAllowed(res, allow, "use " + allow);
    }

    static void methodNotAllowed(ServerResponse res, String allow, String hint) {
        res.header(HeaderNames.ALLOW, allow);
        error(res, 405, SERVER_ERROR, "Method Not Allowed: " + hint);
    }

    /** A bodiless answer, e.g. 202 Accepted for a notification. */
    static void empty(ServerResponse res, int status) {
        res.status(status);
        res.send();
    }
}
