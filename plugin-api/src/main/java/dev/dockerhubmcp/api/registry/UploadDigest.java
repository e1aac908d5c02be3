package dev.dockerhubmcp.api.registry;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The sha256 of a blob computed from the bytes as the client sends them: a file-range body carrying it
 * ({@link RegistryBody#hashedInto}) adds its bytes while they are published, so an upload reads the file once for
 * hashing and sending. Ranges must follow each other (chunk after chunk); a range sent again from the same start
 * (a retried request) replaces its earlier attempt, so nothing is counted twice.
 */
public final class UploadDigest {
    private MessageDigest committed = newSha256();
    private long committedEnd;
    private Range current;

    /** A digest over nothing yet. */
    public static UploadDigest sha256() {
        return new UploadDigest();
    }

    /** Starts (or starts again) the range beginning at {@code offset}; the publisher feeds it. */
    public synchronized Range begin(long offset) {
        if (current != null && current.finished && current.end == offset) {
            committed = current.md;
            committedEnd = current.end;
        }
        if (offset != committedEnd) {
            throw new IllegalStateException("upload ranges must follow each other: expected offset " + committedEnd
                + ", got " + offset);
        }
        current = new Range(offset, clone(committed));
        return current;
    }

    /** Bytes hashed: the end of the latest range. */
    public synchronized long bytes() {
        return current == null ? committedEnd : current.end;
    }

    /**
     * {@code sha256:<hex>} of everything sent so far.
     *
     * @throws IllegalStateException when the latest range was not sent completely
     */
    public synchronized String value() {
        if (current != null && !current.finished) {
            throw new IllegalStateException("the upload range starting at " + current.start
                + " was not sent completely (" + (current.end - current.start) + " bytes)");
        }
        MessageDigest m = clone(current == null ? committed : current.md);
        return "sha256:" + HexFormat.of().formatHex(m.digest());
    }

    /** One attempt at sending one range. */
    public final class Range {
        private final long start;
        private final MessageDigest md;
        private long end;
        private boolean finished;

        private Range(long start, MessageDigest md) {
            this.start = start;
            this.end = start;
            this.md = md;
        }

        /** Adds the remaining bytes of {@code b} (its position is left as it was). */
        public void update(ByteBuffer b) {
            synchronized (UploadDigest.this) {
                int n = b.remaining();
                md.update(b.duplicate());
                end += n;
            }
        }

        /** The whole range was published. */
        public void finish() {
            synchronized (UploadDigest.this) {
                finished = true;
            }
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JDK", e);
        }
    }

    private static MessageDigest clone(MessageDigest m) {
        try {
            return (MessageDigest) m.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 state cannot be copied", e);
        }
    }
}
