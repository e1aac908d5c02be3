package dev.dockerhubmcp.host.stdio;

import dev.dockerhubmcp.host.mcp.JsonRpcInput;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * Newline-delimited JSON-RPC over a byte stream pair, in place of the SDK's stdio transport (which stops reading at
 * the first line it cannot parse). Every line is answered or handed to the session, and reading goes on:
 * <ul>
 *   <li>a blank line carries no message (it only delimits nothing) and is skipped;</li>
 *   <li>invalid JSON or UTF-8 gets -32700, JSON that is no request, notification or response gets -32600 (batches
 *       too), a known method with bad params gets -32602, each with the request's id when it could be read, else
 *       null;</li>
 *   <li>a line longer than the limit is skipped to its end and answered -32600.</li>
 * </ul>
 * Output is UTF-8, one message per line, written whole under a lock. The transport remembers which requests are
 * still unanswered so that the caller can wait for them at end of input.
 */
final class StdioTransport implements McpServerTransportProvider {
    private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);
    static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final McpJsonMapper json;
    private final InputStream in;
    private final OutputStream out;
    private final int maxLineBytes;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Set<Object> unanswered = ConcurrentHashMap.newKeySet();
    private final ReentrantLock pendingLock = new ReentrantLock();
    private final Condition answered = pendingLock.newCondition();
    private final AtomicBoolean outputBroken = new AtomicBoolean();
    private volatile McpServerSession session;
    private boolean initializeRead;
    private boolean initialized;

    StdioTransport(McpJsonMapper json, InputStream in, OutputStream out, int maxLineBytes) {
        this.json = requireNonNull(json, "json is null");
        this.in = requireNonNull(in, "in is null");
        this.out = requireNonNull(out, "out is null");
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    // ---- McpServerTransportProvider ----

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        this.session = sessionFactory.create(new SessionTransport());
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession s = session;
        return s == null ? Mono.empty() : s.sendNotification(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        McpServerSession s = session;
        return s == null || !s.getId().equals(sessionId) ? Mono.empty() : s.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        McpServerSession s = session;
        return s == null ? Mono.empty() : s.closeGracefully();
    }

    // ---- reading ----

    /** Reads and dispatches lines until end of input (or a read error, which counts as the end). */
    void readUntilEof() {
        if (session == null) {
            throw new IllegalStateException("no MCP server is bound to this transport");
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        byte[] buffer = new byte[64 * 1024];
        boolean overflow = false;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    if (!overflow) {
                        line.write(buffer, start, i - start);
                    }
                    lineDone(line, overflow);
                    overflow = false;
                    start = i + 1;
                }
                if (!overflow) {
                    line.write(buffer, start, n - start);
                    if (line.size() > maxLineBytes) {
                        overflow = true;
                        line.reset();
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("stdin: {}", e.toString());
        }
        if (overflow || line.size() > 0) {
            lineDone(line, overflow);
        }
    }

    private void lineDone(ByteArrayOutputStream line, boolean overflow) {
        byte[] bytes = line.toByteArray();
        line.reset();
        try {
            handleLine(bytes, overflow);
        } catch (RuntimeException e) {
            LOG.error("stdin: a message could not be handled: {}", e.toString());
            writeLine(JsonRpcInput.errorJson(null, McpSchema.ErrorCodes.INTERNAL_ERROR,
                "Internal error: the server could not handle this message"));
        }
    }

    private void handleLine(byte[] bytes, boolean overflow) {
        if (overflow || bytes.length > maxLineBytes) {
            LOG.warn("stdin: skipped a message longer than {} bytes", maxLineBytes);
            reject(new InvalidLine(McpSchema.ErrorCodes.INVALID_REQUEST,
                "Invalid Request: the message exceeds " + maxLineBytes + " bytes"));
            return;
        }
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, end)).toString();
        } catch (CharacterCodingException e) {
            reject(new InvalidLine(McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: the message is not valid UTF-8"));
            return;
        }
        if (text.isBlank()) {
            return;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = JsonRpcInput.parse(json, text);
            if (message instanceof McpSchema.JSONRPCRequest request) {
                JsonRpcInput.checkParams(request);
            }
        } catch (JsonRpcInput.Invalid e) {
            LOG.debug("stdin: refused a message: {}", e.getMessage());
            writeLine(e.responseJson());
            return;
        }
        if (message instanceof McpSchema.JSONRPCNotification n
            && McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(n.method())) {
            initialized = true;
        } else if (message instanceof McpSchema.JSONRPCRequest request) {
            if (McpSchema.METHOD_INITIALIZE.equals(request.method())) {
                initializeRead = true;
            } else if (!initializeRead) {
                // the SDK would hold such a request until an initialize that may never come
                if (McpSchema.METHOD_PING.equals(request.method())) {
                    write(McpSchema.JSONRPCResponse.result(request.id(), Map.of()));
                } else {
                    writeLine(JsonRpcInput.errorJson(request.id(), McpSchema.ErrorCodes.INVALID_REQUEST,
                        "Invalid Request: the session is not initialized; send initialize first"));
                }
                return;
            } else if (!initialized) {
                // the SDK holds requests until notifications/initialized: a request after initialize implies it
                LOG.debug("stdin: {} before notifications/initialized; treating the session as initialized",
                    request.method());
                initialized = true;
                dispatch(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                    McpSchema.METHOD_NOTIFICATION_INITIALIZED, null));
            }
            unanswered.add(key(request.id()));
        }
        dispatch(message);
    }

    private void dispatch(McpSchema.JSONRPCMessage message) {
        try {
            session.handle(message).subscribe(v -> { }, e -> LOG.warn("stdin: a message failed: {}", e.toString()));
        } catch (RuntimeException e) {
            LOG.warn("stdin: a message failed: {}", e.toString());
            if (message instanceof McpSchema.JSONRPCRequest request) {
                write(McpSchema.JSONRPCResponse.error(request.id(), new McpSchema.JSONRPCResponse.JSONRPCError(
                    McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error: the server could not handle this request",
                    null)));
            }
        }
    }

    private void reject(InvalidLine e) {
        writeLine(JsonRpcInput.errorJson(null, e.code, e.message));
    }

    private record InvalidLine(int code, String message) {
    }

    // ---- end of input ----

    /** Requests read and not answered yet. */
    int unansweredCount() {
        return unanswered.size();
    }

    /** Waits until every request read has been answered (or the output is gone); false on timeout. */
    boolean awaitAnswered(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        pendingLock.lock();
        try {
            while (!unanswered.isEmpty() && !outputBroken.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                answered.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            return true;
        } finally {
            pendingLock.unlock();
        }
    }

    // ---- writing ----

    private void write(McpSchema.JSONRPCMessage message) {
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (IOException e) {
            LOG.error("cannot serialize a message: {}", e.toString());
            return;
        }
        writeLine(text);
        if (message instanceof McpSchema.JSONRPCResponse response && response.id() != null
            && unanswered.remove(key(response.id()))) {
            pendingLock.lock();
            try {
                answered.signalAll();
            } finally {
                pendingLock.unlock();
            }
        }
    }

    /** One message on one line: compact JSON never contains a raw line break. */
    private void writeLine(String text) {
        if (outputBroken.get()) {
            return;
        }
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        writeLock.lock();
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            if (outputBroken.compareAndSet(false, true)) {
                LOG.warn("stdout is closed; no further messages can be sent: {}", e.toString());
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Ids compare as JSON text: 1 and 1L are the same request, "1" is another. */
    private static Object key(Object id) {
        return id instanceof Number n ? "n:" + n.longValue() : "s:" + id;
    }

    /** The one session's view of stdout. */
    private final class SessionTransport implements McpServerTransport {
        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> write(JsonRpcInput.scrub(message)));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return json.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }

        @Override
        public void close() {
            // stdout belongs to the process
        }
    }
}
