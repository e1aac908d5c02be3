package dev.dockerhubmcp.host.http;

import dev.dockerhubmcp.host.mcp.JsonRpcInput;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpTransportException;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;

import static java.lang.System.Logger.Level.DEBUG;
import static java.util.Objects.requireNonNull;

/**
 * Where the SDK sends the messages of a session (or of one request of it): subclasses deliver them. A request that
 * cannot be delivered fails, since its answer would never come; anything else is dropped.
 */
abstract class SdkTransport implements McpStreamableServerTransport {
    private static final System.Logger LOG = System.getLogger(SdkTransport.class.getName());

    final McpJsonMapper json;

    SdkTransport(McpJsonMapper json) {
        this.json = requireNonNull(json, "json is null");
    }

    /** Sends {@code message} (an event id or null); false when there is nowhere to send it. */
    abstract boolean deliver(McpSchema.JSONRPCMessage message, String messageId);

    /** Why a message could not be delivered, for the error a request then fails with. */
    abstract String undeliverable();

    /** What an undelivered message becomes: an error for a request, nothing for the rest. */
    Mono<Void> undelivered(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCRequest) {
            return Mono.error(new McpTransportException(undeliverable()));
        }
        LOG.log(DEBUG, () -> undeliverable() + ": message dropped");
        return Mono.empty();
    }

    @Override
    public final Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public final Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
        return Mono.defer(() -> deliver(message, messageId) ? Mono.empty() : undelivered(message));
    }

    @Override
    public final <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    @Override
    public abstract void close();

    /** The message as event-stream data, with internal error details scrubbed. */
    String data(McpSchema.JSONRPCMessage message) {
        return write(json, JsonRpcInput.scrub(message));
    }

    static String write(McpJsonMapper json, McpSchema.JSONRPCMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize a JSON-RPC message", e);
        }
    }

    /** One event stream: every message is an event on it. */
    static class OnStream extends SdkTransport {
        final SseConnection connection;
        private final String undeliverable;

        OnStream(McpJsonMapper json, SseConnection connection, String undeliverable) {
            super(json);
            this.connection = requireNonNull(connection, "connection is null");
            this.undeliverable = requireNonNull(undeliverable, "undeliverable is null");
        }

        @Override
        boolean deliver(McpSchema.JSONRPCMessage message, String messageId) {
            return connection.send("message", messageId, data(message));
        }

        @Override
        String undeliverable() {
            return undeliverable;
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
