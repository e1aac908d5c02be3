package dev.dockerhubmcp.host.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every transport checks before a message reaches the SDK, so that no input goes unanswered or gets an answer
 * naming Java classes: one JSON-RPC 2.0 message per line or body ({@code -32700} for invalid JSON, {@code -32600}
 * for JSON that is not a request, notification or response, batches included since MCP 2025-06-18 removed them),
 * then the params of the methods the server knows ({@code -32602} naming the missing or wrong field).
 */
public final class JsonRpcInput {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcInput.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectReader READER = MAPPER.reader()
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> LEVELS = Set.of("debug", "info", "notice", "warning", "error", "critical",
        "alert", "emergency");

    private JsonRpcInput() {
    }

    /** A message refused before it reached the server: answer {@link #response()}. */
    public static final class Invalid extends Exception {
        private final int code;
        private final transient Object id;

        Invalid(int code, Object id, String message) {
            super(message, null, false, false);
            this.code = code;
            this.id = id;
        }

        public int code() {
            return code;
        }

        /** The request's id when it could be read (a string or an integer), else null. */
        public Object id() {
            return id;
        }

        /** The error response as JSON text (the SDK's response type cannot carry a null id). */
        public String responseJson() {
            return errorJson(id, code, getMessage());
        }
    }

    /** Parses one message; throws {@link Invalid} with the JSON-RPC error to answer. */
    public static McpSchema.JSONRPCMessage parse(McpJsonMapper json, String text) throws Invalid {
        JsonNode tree;
        try {
            tree = READER.readTree(text);
        } catch (IOException e) {
            throw new Invalid(McpSchema.ErrorCodes.PARSE_ERROR, null, "Parse error: the message is not valid JSON");
        }
        if (tree == null || tree.isMissingNode()) {
            throw new Invalid(McpSchema.ErrorCodes.PARSE_ERROR, null, "Parse error: the message is empty");
        }
        if (tree.isArray()) {
            throw new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, null,
                "Invalid Request: JSON-RPC batches are not supported (MCP 2025-06-18 removed them); send one "
                    + "message at a time");
        }
        if (!tree.isObject()) {
            throw new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, null,
                "Invalid Request: a message must be a JSON object");
        }
        JsonNode idNode = tree.get("id");
        boolean validId = idNode != null && (idNode.isTextual() || idNode.isIntegralNumber());
        boolean response = tree.has("result") || tree.has("error");
        // a response's id is the server's own request id: never echoed in an error
        Object id = validId && !response ? (idNode.isTextual() ? idNode.textValue() : idNode.numberValue()) : null;
        if (!"2.0".equals(tree.path("jsonrpc").textValue())) {
            throw new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, id,
                "Invalid Request: \"jsonrpc\" must be \"2.0\"");
        }
        if (tree.has("method")) {
            if (!tree.get("method").isTextual() || tree.get("method").textValue().isEmpty()) {
                throw new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, id,
                    "Invalid Request: \"method\" must be a non-empty string");
            }
            if (response) {
                throw new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, id,
                    "Invalid Request: a message has either \"method\" or \"result\"/\"error\", not both");
            }
            if (idNode != null && !validId) {
                throw new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, null,
                    "Invalid Request: \"id\" must be a string or an integer");
            }
            JsonNode params = tree.get("params");
            if (params != null && !params.isNull() && !params.isContainerNode()) {
                throw new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, id,
                    "Invalid Request: \"params\" must be an object");
            }
        } else if (response) {
            if (!validId) {
                throw new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, null,
                    "Invalid Request: a response needs an \"id\" that is a string or an integer");
            }
            if (tree.has("result") == tree.has("error")) {
                throw new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, null,
                    "Invalid Request: a response has exactly one of \"result\" and \"error\"");
            }
            JsonNode error = tree.get("error");
            if (error != null && !(error.isObject() && error.path("code").isIntegralNumber()
                && error.path("message").isTextual())) {
                throw new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, null,
                    "Invalid Request: \"error\" must be an object with an integer \"code\" and a string \"message\"");
            }
        } else {
            throw new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, id,
                "Invalid Request: neither a request, a notification nor a response (no \"method\", \"result\" "
                    + "or \"error\")");
        }
        // the tree read above becomes the message: the text is not parsed a second time
        Class<? extends McpSchema.JSONRPCMessage> kind = !tree.has("method") ? McpSchema.JSONRPCResponse.class
            : idNode != null ? McpSchema.JSONRPCRequest.class : McpSchema.JSONRPCNotification.class;
        try {
            return json.convertValue(tree, kind);
        } catch (RuntimeException e) {
            LOG.debug("message not readable as JSON-RPC: {}", e.toString());
            throw new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, id, "Invalid Request: malformed JSON-RPC message");
        }
    }

    /** The params of a request whose method the server knows; throws {@link Invalid} with a -32602 error. */
    public static void checkParams(McpSchema.JSONRPCRequest request) throws Invalid {
        Object params = request.params();
        String method = request.method();
        if (params != null && !(params instanceof Map<?, ?>)) {
            throw invalidParams(request, "params must be an object");
        }
        Map<?, ?> p = params == null ? Map.of() : (Map<?, ?>) params;
        switch (method) {
            case McpSchema.METHOD_INITIALIZE -> {
                requireParams(request);
                requireString(request, p, "protocolVersion");
                requireObject(request, p, "capabilities");
                requireObject(request, p, "clientInfo");
                if (!(((Map<?, ?>) p.get("clientInfo")).get("name") instanceof String)) {
                    throw invalidParams(request, "'clientInfo.name' is required and must be a string");
                }
            }
            case McpSchema.METHOD_TOOLS_CALL -> {
                requireParams(request);
                requireString(request, p, "name");
                optionalObject(request, p, "arguments");
            }
            case McpSchema.METHOD_PROMPT_GET -> {
                requireParams(request);
                requireString(request, p, "name");
                optionalObject(request, p, "arguments");
            }
            case McpSchema.METHOD_RESOURCES_READ, McpSchema.METHOD_RESOURCES_SUBSCRIBE,
                 McpSchema.METHOD_RESOURCES_UNSUBSCRIBE -> {
                requireParams(request);
                requireString(request, p, "uri");
            }
            case McpSchema.METHOD_COMPLETION_COMPLETE -> {
                requireParams(request);
                requireObject(request, p, "ref");
                requireObject(request, p, "argument");
            }
            case McpSchema.METHOD_LOGGING_SET_LEVEL -> {
                requireParams(request);
                if (!(p.get("level") instanceof String level) || !LEVELS.contains(level)) {
                    throw invalidParams(request, "'level' is required and must be one of "
                        + List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"));
                }
            }
            case McpSchema.METHOD_TOOLS_LIST, McpSchema.METHOD_PROMPT_LIST, McpSchema.METHOD_RESOURCES_LIST,
                 McpSchema.METHOD_RESOURCES_TEMPLATES_LIST -> {
                if (p.containsKey("cursor") && p.get("cursor") != null && !(p.get("cursor") instanceof String)) {
                    throw invalidParams(request, "'cursor' must be a string");
                }
            }
            default -> {
            }
        }
        optionalObject(request, p, "_meta");
    }

    /**
     * An internal error the SDK built from an exception carries that exception's message (Java class names, parser
     * details): the client gets a plain one, the log keeps the original.
     */
    public static McpSchema.JSONRPCMessage scrub(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCResponse r && r.error() != null
            && r.error().code() == McpSchema.ErrorCodes.INTERNAL_ERROR) {
            LOG.warn("request {} failed inside the MCP SDK: {}", r.id(), r.error().message());
            return McpSchema.JSONRPCResponse.error(r.id(), new McpSchema.JSONRPCResponse.JSONRPCError(
                McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error: the server could not handle this request", null));
        }
        return message;
    }

    /** {@code {"jsonrpc":"2.0","id":ID,"error":{"code":CODE,"message":MESSAGE}}}; a null id is written as null. */
    public static String errorJson(Object id, int code, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.set("id", id == null ? MAPPER.nullNode() : MAPPER.valueToTree(id));
        body.putObject("error").put("code", code).put("message", message);
        return body.toString();
    }

    private static void requireParams(McpSchema.JSONRPCRequest request) throws Invalid {
        if (request.params() == null) {
            throw invalidParams(request, "params are required");
        }
    }

    private static void requireString(McpSchema.JSONRPCRequest request, Map<?, ?> p, String field) throws Invalid {
        if (!(p.get(field) instanceof String s) || s.isEmpty()) {
            throw invalidParams(request, "'" + field + "' is required and must be a non-empty string");
        }
    }

    private static void requireObject(McpSchema.JSONRPCRequest request, Map<?, ?> p, String field) throws Invalid {
        if (!(p.get(field) instanceof Map<?, ?>)) {
            throw invalidParams(request, "'" + field + "' is required and must be an object");
        }
    }

    private static void optionalObject(McpSchema.JSONRPCRequest request, Map<?, ?> p, String field) throws Invalid {
        Object value = p.get(field);
        if (value != null && !(value instanceof Map<?, ?>)) {
            throw invalidParams(request, "'" + field + "' must be an object");
        }
    }

    private static Invalid invalidParams(McpSchema.JSONRPCRequest request, String what) {
        return new Invalid(McpSchema.ErrorCodes.INVALID_PARAMS, request.id(),
            "Invalid params for " + request.method() + ": " + what);
    }
}
