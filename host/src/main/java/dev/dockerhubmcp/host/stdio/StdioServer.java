package dev.dockerhubmcp.host.stdio;

import dev.dockerhubmcp.host.mcp.McpServerFactory;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

import static java.util.Objects.requireNonNull;

/**
 * The stdio transport: newline-delimited JSON-RPC on stdin/stdout (stdout carries protocol only). The SDK's stdio
 * transport does not end at stdin EOF; this does — after answering every request it read (it counts requests in and
 * responses out), bounded by a grace period so a stuck upstream cannot keep the process alive for ever.
 */
public final class StdioServer {
    private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);

    private final McpServerFactory factory;
    private final Duration drainLimit;

    public StdioServer(McpServerFactory factory, Duration drainLimit) {
        this.factory = requireNonNull(factory, "factory is null");
        this.drainLimit = requireNonNull(drainLimit, "drainLimit is null");
    }

    /** Serves until stdin closes and every request read has been answered. */
    public void run(InputStream stdin, OutputStream stdout) throws InterruptedException {
        CountDownLatch eof = new CountDownLatch(1);
        // The SDK ends its session when its reader sees EOF, dropping answers still being computed: the reader is
        // held at EOF until every request read has been answered.
        CountDownLatch drained = new CountDownLatch(1);
        MessageCounter requests = new MessageCounter(MessageCounter.Kind.REQUESTS);
        MessageCounter responses = new MessageCounter(MessageCounter.Kind.RESPONSES);
        InputStream in = new FilterInputStream(stdin) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    atEof();
                } else {
                    requests.feed(b);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n;
                try {
                    n = super.read(b, off, len);
                } catch (IOException e) {
                    eof.countDown();
                    throw e;
                }
                if (n < 0) {
                    atEof();
                } else {
                    requests.feed(b, off, n);
                }
                return n;
            }

            private void atEof() {
                eof.countDown();
                try {
                    drained.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        OutputStream out = new FilterOutputStream(stdout) {
            @Override
            public void write(int b) throws IOException {
                super.out.write(b);
                responses.feed(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                super.out.write(b, off, len);
                responses.feed(b, off, len);
            }
        };
        StdioServerTransportProvider provider = new StdioServerTransportProvider(factory.jsonMapper(), in, out);
        McpSyncServer server = factory.configure(McpServer.sync(provider)).build();
        eof.await();
        Instant deadline = Instant.now().plus(drainLimit);
        while ((responses.count() < requests.count() || factory.inFlight() > 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
        if (responses.count() < requests.count()) {
            LOG.warn("stdin closed; {} request(s) still unanswered after {} s, exiting", requests.count()
                - responses.count(), drainLimit.toSeconds());
        }
        try {
            stdout.flush();
        } catch (IOException ignored) {
            // the client is gone
        }
        drained.countDown();
        try {
            server.closeGracefully();
        } catch (RuntimeException e) {
            LOG.debug("close: {}", e.toString());
        }
    }
}
