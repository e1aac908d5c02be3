package dev.dockerhubmcp.host;

import dev.dockerhubmcp.engine.safety.Redactor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The redactor in the log path: stderr (where slf4j-simple, the MCP SDK, Helidon and anything printing end up)
 * passes through {@link Redactor#text}, one whole line at a time, so no known or secret-looking value leaves the
 * process whoever logged it.
 */
final class RedactingOutput extends OutputStream {
    /** A line longer than this is written in pieces (a secret straddling a cut could survive). */
    private static final int MAX_LINE = 1 << 20;

    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    RedactingOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Holds a partial line until its end: a secret written in two pieces is still one line. */
    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        emit();
        out.close();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        out.write(Redactor.text(text).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A java.util.logging formatter that redacts what another one formats. */
    static final class JulFormatter extends Formatter {
        private final Formatter inner;

        JulFormatter(Formatter inner) {
            this.inner = inner;
        }

        @Override
        public String format(LogRecord record) {
            return Redactor.text(inner.format(record));
        }

        @Override
        public String getHead(java.util.logging.Handler h) {
            return inner.getHead(h);
        }

        @Override
        public String getTail(java.util.logging.Handler h) {
            return inner.getTail(h);
        }
    }
}
