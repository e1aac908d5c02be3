package dev.dockerhubmcp.engine.http.registry;

import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.files.NewLocalFile;
import dev.dockerhubmcp.api.registry.Digests;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import static java.util.Objects.requireNonNull;

/**
 * Where a downloaded blob goes: every byte is hashed, the first {@code keepHead} bytes are kept in memory and, with a
 * target, all are written to it (a file created here, removed again by {@link #abort()}). {@link #finish()} checks
 * the size announced and the digest. Writing and hashing may run on two threads (a pipeline), each half on one at a
 * time; memory use is the head, nothing else.
 */
public final class BlobSink implements AutoCloseable {
    private final String expected;
    private final long announced;
    private final MessageDigest md;
    private final Runnable remove;
    private final FileChannel channel;
    private final int keepHead;
    private byte[] head = new byte[0];
    private int headLength;
    private volatile long count;

    /**
     * @param expectedDigest the digest the bytes must hash to ({@code sha256:…}, {@code sha384:…}, {@code sha512:…})
     * @param announced      the Content-Length, or -1 when unknown
     * @param target         a file to create (it must not exist), or null to keep nothing but the head
     * @param keepHead       how many leading bytes to keep in memory
     */
    public BlobSink(String expectedDigest, long announced, Path target, int keepHead) throws IOException {
        this.expected = requireNonNull(expectedDigest, "expectedDigest is null");
        if (keepHead < 0) {
            throw new IllegalArgumentException("keepHead < 0");
        }
        this.md = Digests.digester(expectedDigest);
        this.announced = announced;
        this.keepHead = keepHead;
        this.channel = target == null ? null
            : FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.remove = target == null ? null : () -> {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // nothing more we can do
            }
        };
    }

    private BlobSink(String expectedDigest, long announced, NewLocalFile target) {
        this.expected = requireNonNull(expectedDigest, "expectedDigest is null");
        this.md = Digests.digester(expectedDigest);
        this.announced = announced;
        this.keepHead = 0;
        this.channel = target.channel();
        this.remove = target::discard;
    }

    /** Writes into a file being created in the files directory; {@link #abort()} discards it. */
    public static BlobSink into(String expectedDigest, long announced, NewLocalFile target) {
        return new BlobSink(expectedDigest, announced, requireNonNull(target, "target is null"));
    }


    /** Takes the remaining bytes of the buffers: {@link #write} then {@link #hash}. */
    public void accept(ByteBuffer[] buffers) throws IOException {
        ByteBuffer[] copies = new ByteBuffer[buffers.length];
        for (int i = 0; i < buffers.length; i++) {
            copies[i] = buffers[i].duplicate();
        }
        write(copies);
        hash(buffers);
    }

    /** Takes {@code len} bytes of {@code b} from {@code off}. */
    public void accept(byte[] b, int off, int len) throws IOException {
        accept(new ByteBuffer[] {ByteBuffer.wrap(b, off, len)});
    }

    /**
     * The first half of taking bytes: counts them (more than announced is an {@code upstream} error) and writes
     * them to the file in one gathering write; the buffers' positions move to their limits. One thread at a time;
     * it may be another than the one calling {@link #hash}, which must then get the same bytes in the same order.
     */
    public void write(ByteBuffer[] buffers) throws IOException {
        long n = 0;
        for (ByteBuffer b : buffers) {
            n += b.remaining();
        }
        checkSize(n);
        if (channel != null) {
            long left = n;
            while (left > 0) {
                left -= channel.write(buffers);
            }
        } else {
            for (ByteBuffer b : buffers) {
                b.position(b.limit());
            }
        }
        count += n;
    }

    /** The second half: hashes the remaining bytes and keeps the head (positions are left as they were). */
    public void hash(ByteBuffer[] buffers) {
        for (ByteBuffer b : buffers) {
            keep(b);
            md.update(b.duplicate());
        }
    }

    private void checkSize(long n) {
        if (announced >= 0 && count + n > announced) {
            throw new ActionException(ErrorType.UPSTREAM, "received more than the " + announced
                + " bytes announced for " + expected);
        }
    }

    private void keep(ByteBuffer b) {
        if (headLength >= keepHead || !b.hasRemaining()) {
            return;
        }
        int take = Math.min(b.remaining(), keepHead - headLength);
        if (head.length == 0) {
            head = new byte[announced >= 0 ? (int) Math.min(keepHead, announced) : keepHead];
        }
        b.get(b.position(), head, headLength, take);
        headLength += take;
    }

    /** Bytes taken so far. */
    public long count() {
        return count;
    }

    /** The first bytes kept. */
    public byte[] head() {
        return headLength == head.length ? head : Arrays.copyOf(head, headLength);
    }

    /**
     * Closes the file and checks size and digest; returns the digest. On a mismatch the file is removed and an
     * {@code upstream} error thrown.
     */
    public String finish() {
        try {
            close();
        } catch (IOException e) {
            abort();
            throw error(e);
        }
        String actual = HexFormat.of().formatHex(md.digest());
        actual = expected.substring(0, expected.indexOf(':') + 1).toLowerCase(Locale.ROOT) + actual;
        String problem = null;
        if (announced >= 0 && count != announced) {
            problem = "received " + count + " bytes but " + announced + " were announced for " + expected
                + " (truncated transfer)";
        } else if (!actual.equals(expected.toLowerCase(Locale.ROOT))) {
            problem = "digest mismatch: expected " + expected + ", got " + actual;
        }
        if (problem != null) {
            abort();
            throw new ActionException(new ActionError(ErrorType.UPSTREAM, problem + removed(), null, null, null));
        }
        return actual;
    }

    /** Closes and deletes the file (after a failure). Never throws. */
    public void abort() {
        try {
            close();
        } catch (IOException ignored) {
            // removing it is what matters
        }
        if (remove != null) {
            remove.run();
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    /**
     * The typed error for a failed transfer: a stall → {@code timeout}, the caller's cancellation → {@code internal},
     * other I/O → {@code network}; typed errors keep their type. Mentions the file's removal when there was one.
     */
    public ActionException error(Throwable cause) {
        if (cause instanceof ActionException ae) {
            ActionError e = ae.error();
            return new ActionException(new ActionError(e.type(), e.message() + removed(), e.statusCode(),
                e.retryAfter(), e.details()), ae);
        }
        String what = "blob transfer of " + expected + " failed after " + count + " bytes: ";
        if (cause instanceof HttpTimeoutException) {
            return new ActionException(ActionError.of(ErrorType.TIMEOUT, what + cause.getMessage() + removed()), cause);
        }
        if (cause instanceof CancellationException) {
            return new ActionException(ActionError.of(ErrorType.INTERNAL, "blob transfer of " + expected
                + " cancelled by the caller after " + count + " bytes" + removed()), cause);
        }
        if (cause instanceof IOException) {
            return new ActionException(ActionError.of(ErrorType.NETWORK, what
                + (cause.getMessage() == null ? "the connection closed unexpectedly" : cause.getMessage()) + removed()),
                cause);
        }
        return new ActionException(ActionError.of(ErrorType.INTERNAL, what + "an internal error (the server log has "
            + "the details)" + removed()), cause);
    }

    private String removed() {
        return remove == null ? "" : "; the partial file was removed";
    }
}
