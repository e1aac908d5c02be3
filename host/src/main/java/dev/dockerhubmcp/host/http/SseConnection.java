package dev.dockerhubmcp.host.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * One open {@code text/event-stream} response. Any thread may send events; the thread that handles the HTTP request
 * waits in {@link #awaitClosed()} and then ends the response with {@link #finish()}. A failed write (the client went
 * away) closes the connection and runs the {@code onBroken} action once.
 */
final class SseConnection {
    private static final System.Logger LOG = System.getLogger(SseConnection.class.getName());

    private final String label;
    private final OutputStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean brokenReported = new AtomicBoolean();
    private final StreamRegistry registry;
    private volatile boolean open = true;
    private volatile Runnable onBroken = () -> { };

    private SseConnection(String label, OutputStream out, StreamRegistry registry) {
        this.label = label;
        this.out = out;
        this.registry = registry;
    }

    /** Sends the status and headers of an event stream (with a first comment, so clients see them at once). */
    static SseConnection open(ServerResponse res, String label, StreamRegistry registry) {
        requireNonNull(res, "res is null");
        res.status(200);
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache, no-transform");
        res.header("X-Accel-Buffering", "no");
        SseConnection connection = new SseConnection(label, res.outputStream(), registry);
        registry.add(connection);
        connection.comment("stream open");
        return connection;
    }

    /** What to do once when a write fails because the peer is gone. */
    void onBroken(Runnable action) {
        this.onBroken = requireNonNull(action, "action is null");
    }

    boolean isOpen() {
        return open;
    }

    String label() {
        return label;
    }

    /** Sends one event; false when the stream is closed or the write failed. */
    boolean send(String event, String id, String data) {
        StringBuilder frame = new StringBuilder(data.length() + 64);
        if (id != null && !id.isEmpty()) {
            frame.append("id: ").append(singleLine(id)).append('\n');
        }
        if (event != null && !event.isEmpty()) {
            frame.append("event: ").append(singleLine(event)).append('\n');
        }
        for (String line : data.split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        frame.append('\n');
        return write(frame.toString());
    }

    /** Sends an SSE comment (ignored by clients): keeps proxies from timing out and detects dead peers. */
    boolean comment(String text) {
        return write(": " + singleLine(text) + "\n\n");
    }

    private boolean write(String frame) {
        if (!open) {
            return false;
        }
        lock.lock();
        try {
            if (!open) {
                return false;
            }
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Event stream " + label + " is gone: " + e.getMessage());
            broken();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void broken() {
        close();
        if (brokenReported.compareAndSet(false, true)) {
            try {
                onBroken.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Cleanup of event stream " + label + " failed", e);
            }
        }
    }

    /** Ends the stream; the request thread then finishes the response. Idempotent, callable from any thread. */
    void close() {
        open = false;
        closed.countDown();
    }

    /** Blocks the request thread until the stream is closed. */
    void awaitClosed() throws InterruptedException {
        closed.await();
    }

    boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return closed.await(timeout, unit);
    }

    /** Called by the request thread after {@link #awaitClosed()}: completes the HTTP response. */
    void finish() {
        close();
        registry.remove(this);
        lock.lock();
        try {
            out.close();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Closing event stream " + label + ": " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private static String singleLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
