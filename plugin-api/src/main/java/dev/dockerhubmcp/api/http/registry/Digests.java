package dev.dockerhubmcp.api.http.registry;

import dev.dockerhubmcp.api.ActionException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** Content digests ({@code sha256:<hex>}, {@code sha512:<hex>}) and a stream that verifies one while it is read. */
public final class Digests {
    private Digests() {
    }

    private static final java.util.regex.Pattern VALID = java.util.regex.Pattern.compile(
        dev.dockerhubmcp.api.Patterns.DIGEST);

    /**
     * Refuses (validation error) a digest that is not {@code sha256:} with 64 or {@code sha512:} with 128 lowercase
     * hex characters, naming {@code field}; returns the digest.
     */
    public static String require(String field, String digest) {
        if (digest == null || !VALID.matcher(digest).matches()) {
            String got = digest == null ? "nothing" : "'" + (digest.length() > 80 ? digest.substring(0, 79) + "…"
                : digest) + "'";
            throw ActionException.validation("'" + field + "' must be a digest: sha256: and 64, or sha512: and 128, "
                + "lowercase hex characters (got " + got + ")");
        }
        return digest;
    }

    /** A fresh MessageDigest for a digest's algorithm ({@code sha256}, {@code sha512}); validation error otherwise. */
    public static MessageDigest digester(String digestOrAlgorithm) {
        requireNonNull(digestOrAlgorithm, "digestOrAlgorithm is null");
        int colon = digestOrAlgorithm.indexOf(':');
        String alg = (colon < 0 ? digestOrAlgorithm : digestOrAlgorithm.substring(0, colon)).toLowerCase(Locale.ROOT);
        String jca = switch (alg) {
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> throw ActionException.validation("unsupported digest algorithm '"
                + (alg.length() > 40 ? alg.substring(0, 39) + "…" : alg) + "' (sha256, sha512)");
        };
        try {
            return MessageDigest.getInstance(jca);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca + " missing from this JDK", e);
        }
    }

    public static String format(String algorithm, byte[] hash) {
        return algorithm + ":" + HexFormat.of().formatHex(hash);
    }

    public static String sha256(byte[] bytes) {
        return format("sha256", digester("sha256").digest(bytes));
    }

    public static String algorithm(String digest) {
        int colon = digest.indexOf(':');
        return colon < 0 ? digest : digest.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** Thrown at end of stream when the bytes do not match the expected digest (or size). */
    public static final class MismatchException extends IOException {
        private final String expected;
        private final String actual;

        public MismatchException(String expected, String actual, String message) {
            super(message);
            this.expected = expected;
            this.actual = actual;
        }

        public String expected() {
            return expected;
        }

        public String actual() {
            return actual;
        }
    }

    /**
     * Wraps a stream, hashing every byte read; at end of stream compares with the expected digest (and size when
     * known) and throws {@link MismatchException} instead of reporting EOF when they differ.
     */
    public static final class VerifyingInputStream extends FilterInputStream {
        private final String expected;
        private final long expectedSize;
        private final MessageDigest md;
        private long count;
        private String actual;

        /** @param expectedSize the size announced, or -1 when unknown */
        public VerifyingInputStream(InputStream in, String expected, long expectedSize) {
            super(requireNonNull(in, "in is null"));
            this.expected = requireNonNull(expected, "expected is null");
            this.expectedSize = expectedSize;
            this.md = digester(expected);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                md.update(b, off, n);
                count += n;
                if (expectedSize >= 0 && count > expectedSize) {
                    throw new MismatchException(expected, null, "received more than the " + expectedSize
                        + " bytes announced for " + expected);
                }
            } else if (n < 0) {
                finish();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void finish() throws MismatchException {
            if (actual != null) {
                return;
            }
            actual = format(algorithm(expected), md.digest());
            if (expectedSize >= 0 && count != expectedSize) {
                throw new MismatchException(expected, actual, "received " + count + " bytes but " + expectedSize
                    + " were announced for " + expected + " (truncated transfer)");
            }
            if (!actual.equals(expected.toLowerCase(Locale.ROOT))) {
                throw new MismatchException(expected, actual, "digest mismatch: expected " + expected + ", got "
                    + actual);
            }
        }

        /** Bytes read so far. */
        public long count() {
            return count;
        }

        /** The verified digest once the end was reached, else null. */
        public String verified() {
            return actual;
        }
    }
}
