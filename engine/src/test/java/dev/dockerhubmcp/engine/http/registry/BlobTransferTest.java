package dev.dockerhubmcp.engine.http.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.api.registry.BlobDownload;
import dev.dockerhubmcp.api.registry.RegistryBody;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.api.registry.TransferMonitor;
import dev.dockerhubmcp.api.registry.UploadDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RegistryClient#download} (the body received into digest and file without a stream) and file-range uploads
 * hashed as sent, against an anonymous in-test registry whose blob answers each test scripts.
 */
class BlobTransferTest {
    interface Blob {
        void serve(HttpExchange ex) throws IOException;
    }

    HttpServer server;
    volatile Blob blob;
    final List<byte[]> patches = new CopyOnWriteArrayList<>();
    final AtomicInteger tooManyFirst = new AtomicInteger();
    DefaultUpstreams upstreams;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v2/team/app/blobs/", ex -> {
            try (ex) {
                if (ex.getRequestMethod().equals("PATCH")) {
                    byte[] body = ex.getRequestBody().readAllBytes();
                    if (tooManyFirst.getAndDecrement() > 0) {
                        ex.getResponseHeaders().set("Retry-After", "0");
                        ex.sendResponseHeaders(429, -1);
                        return;
                    }
                    patches.add(body);
                    ex.getResponseHeaders().set("Location", "/v2/team/app/blobs/uploads/u1");
                    ex.sendResponseHeaders(202, -1);
                    return;
                }
                blob.serve(ex);
            } catch (IOException e) {
                // the client went away (cancelled, timed out): expected in those tests
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (upstreams != null) {
            upstreams.close();
        }
        server.stop(0);
    }

    RegistryClient client(Duration readTimeout) {
        upstreams = new DefaultUpstreams(UpstreamConfig.builder().registryUrl(url())
            .registryAuthUrl(url() + "/token").credentials(Credentials.of(null, null, "test")).maxRetries(2)
            .maxRetryWait(Duration.ofSeconds(1)).connectTimeout(Duration.ofSeconds(2)).readTimeout(readTimeout)
            .build());
        return upstreams.registry();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static RegistryRequest get(String digest) {
        return RegistryRequest.builder("GET", "team/app").path("blobs/" + digest).build();
    }

    static String sha256(byte[] b) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static Blob bytes(byte[] body) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        };
    }

    void assertNoFiles() throws IOException {
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(), files.toList(), "the partial file must be removed");
        }
    }

    @Test
    void downloadsToAFileVerifiedWithItsHeadKept() throws Exception {
        byte[] data = random(3 * 1024 * 1024 + 5, 1);
        String digest = sha256(data);
        blob = bytes(data);
        Path out = tmp.resolve("blob.bin");
        AtomicLong progressed = new AtomicLong();
        BlobDownload d = client(Duration.ofSeconds(5)).download(get(digest), digest, out, 1000,
            new TransferMonitor() {
                @Override
                public void progress(long done, long total) {
                    assertEquals(data.length, total);
                    progressed.set(done);
                }
            });
        assertEquals(200, d.status());
        assertEquals(digest, d.digest());
        assertEquals(data.length, d.size());
        assertEquals(out, d.path());
        assertArrayEquals(Arrays.copyOf(data, 1000), d.head());
        assertFalse(d.complete());
        assertEquals("application/octet-stream", d.header("Content-Type").orElseThrow());
        assertArrayEquals(data, Files.readAllBytes(out));
        assertEquals(data.length, progressed.get(), "the last progress report is the whole blob");
    }

    @Test
    void withoutATargetOnlyTheHeadIsKeptAndASmallBlobComesBackWhole() {
        byte[] data = "{\"architecture\":\"amd64\"}".getBytes();
        String digest = sha256(data);
        blob = bytes(data);
        BlobDownload d = client(Duration.ofSeconds(5)).download(get(digest), digest, null, 256 * 1024,
            TransferMonitor.NONE);
        assertTrue(d.complete());
        assertArrayEquals(data, d.head());
        assertEquals(null, d.path());
    }

    @Test
    void digestMismatchRemovesThePartialFileWithAnUpstreamError() throws Exception {
        byte[] data = random(700_000, 2);
        String digest = sha256(data);
        byte[] bad = data.clone();
        bad[500_000] ^= 1;
        blob = bytes(bad);
        ActionException e = assertThrows(ActionException.class, () -> client(Duration.ofSeconds(5))
            .download(get(digest), digest, tmp.resolve("bad.bin"), 0, TransferMonitor.NONE));
        assertEquals(ErrorType.UPSTREAM, e.error().type());
        assertTrue(e.getMessage().contains("digest mismatch") && e.getMessage().contains(digest)
            && e.getMessage().contains("removed"), e.getMessage());
        assertNoFiles();
    }

    @Test
    void aTruncatedBodyIsANetworkErrorAndRemovesTheFile() throws Exception {
        byte[] data = random(100_000, 3);
        String digest = sha256(data);
        blob = ex -> {
            ex.sendResponseHeaders(200, data.length);
            ex.getResponseBody().write(data, 0, 40_000);
            ex.getResponseBody().flush();
            throw new IOException("cut short"); // the exchange closes short of its length: the connection drops
        };
        ActionException e = assertThrows(ActionException.class, () -> client(Duration.ofSeconds(5))
            .download(get(digest), digest, tmp.resolve("short.bin"), 0, TransferMonitor.NONE));
        assertEquals(ErrorType.NETWORK, e.error().type(), e.getMessage());
        assertTrue(e.getMessage().contains("removed"), e.getMessage());
        assertNoFiles();
    }

    @Test
    void aStallLongerThanTheReadTimeoutIsATimeoutAndRemovesTheFile() throws Exception {
        byte[] data = random(200_000, 4);
        String digest = sha256(data);
        CountDownLatch release = new CountDownLatch(1);
        blob = ex -> {
            ex.sendResponseHeaders(200, data.length);
            OutputStream os = ex.getResponseBody();
            os.write(data, 0, 50_000);
            os.flush();
            try {
                release.await(20, TimeUnit.SECONDS); // stalls mid-body
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        };
        long t0 = System.nanoTime();
        try {
            ActionException e = assertThrows(ActionException.class, () -> client(Duration.ofMillis(400))
                .download(get(digest), digest, tmp.resolve("stall.bin"), 0, TransferMonitor.NONE));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(ErrorType.TIMEOUT, e.error().type(), e.getMessage());
            assertTrue(e.getMessage().contains("nothing arrived for 400 ms"), e.getMessage());
            assertTrue(ms < 5000, "the stall is cut off after the read timeout, not " + ms + " ms");
            assertNoFiles();
        } finally {
            release.countDown();
        }
    }

    @Test
    void cancellationStopsAStalledTransferAndRemovesTheFile() throws Exception {
        byte[] data = random(200_000, 5);
        String digest = sha256(data);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean cancel = new AtomicBoolean();
        blob = ex -> {
            ex.sendResponseHeaders(200, data.length);
            ex.getResponseBody().write(data, 0, 10_000);
            ex.getResponseBody().flush();
            cancel.set(true);
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            ActionException e = assertThrows(ActionException.class, () -> client(Duration.ofSeconds(30))
                .download(get(digest), digest, tmp.resolve("cancel.bin"), 0, new TransferMonitor() {
                    @Override
                    public boolean cancelled() {
                        return cancel.get();
                    }
                }));
            assertEquals(ErrorType.INTERNAL, e.error().type(), e.getMessage());
            assertTrue(e.getMessage().contains("cancelled by the caller"), e.getMessage());
            assertNoFiles();
        } finally {
            release.countDown();
        }
    }

    @Test
    void anErrorStatusIsTypedAndCreatesNoFile() throws Exception {
        blob = ex -> {
            byte[] b = "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown\"}]}".getBytes();
            ex.sendResponseHeaders(404, b.length);
            ex.getResponseBody().write(b);
        };
        String digest = sha256(new byte[1]);
        ActionException e = assertThrows(ActionException.class, () -> client(Duration.ofSeconds(5))
            .download(get(digest), digest, tmp.resolve("none.bin"), 0, TransferMonitor.NONE));
        assertEquals(ErrorType.NOT_FOUND, e.error().type());
        assertTrue(e.getMessage().contains("BLOB_UNKNOWN"), e.getMessage());
        assertNoFiles();
    }

    /**
     * A blob bigger than a 64 MiB heap would hold, generated as it is sent: halfway through, the server waits until
     * the client's file already holds a quarter of it. A client that buffered the body (or wrote only at the end)
     * would never get there; memory is bounded by the pipeline's window, not the blob.
     */
    @Test
    void aLargeBlobIsStreamedToDiskWhileItArrives() throws Exception {
        int chunk = 1 << 20;
        int chunks = 96;
        long size = (long) chunk * chunks;
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < chunks; i++) {
            md.update(random(chunk, i));
        }
        String digest = "sha256:" + HexFormat.of().formatHex(md.digest());
        Path out = tmp.resolve("large.bin");
        AtomicBoolean sawStreaming = new AtomicBoolean();
        blob = ex -> {
            ex.sendResponseHeaders(200, size);
            OutputStream os = ex.getResponseBody();
            for (int i = 0; i < chunks; i++) {
                os.write(random(chunk, i));
                if (i == chunks / 2) {
                    os.flush();
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (System.nanoTime() < until && !sawStreaming.get()) {
                        try (var files = Files.list(tmp)) {
                            long onDisk = files.mapToLong(p -> p.toFile().length()).sum();
                            sawStreaming.set(onDisk >= size / 4);
                        }
                        Thread.onSpinWait();
                    }
                }
            }
        };
        BlobDownload d = client(Duration.ofSeconds(30)).download(get(digest), digest, out, 0, TransferMonitor.NONE);
        assertTrue(sawStreaming.get(), "a quarter of the blob was on disk while the server held back the rest");
        assertEquals(size, d.size());
        assertEquals(size, Files.size(out));
        assertEquals(digest, d.digest());
    }

    @Test
    void fileRangesAreSentAndHashedOnceEvenWhenARequestIsRetried() throws Exception {
        byte[] data = random(1_000_000, 6);
        Path file = tmp.resolve("up.bin");
        Files.write(file, data);
        RegistryClient c = client(Duration.ofSeconds(5));
        UploadDigest sent = UploadDigest.sha256();
        tooManyFirst.set(1); // the first PATCH is answered 429 and sent again
        long[][] ranges = {{0, 300_000}, {300_000, 700_000}};
        for (long[] r : ranges) {
            c.send(RegistryRequest.builder("PATCH", "team/app").location("/v2/team/app/blobs/uploads/u1")
                .actions("pull,push").body(RegistryBody.fileRange(file, r[0], r[1]).hashedInto(sent)).build());
        }
        assertEquals(2, patches.size());
        assertArrayEquals(Arrays.copyOfRange(data, 0, 300_000), patches.get(0));
        assertArrayEquals(Arrays.copyOfRange(data, 300_000, 1_000_000), patches.get(1));
        assertEquals(data.length, sent.bytes());
        assertEquals(sha256(data), sent.value(), "each range counted once despite the retry");
    }

    @Test
    void uploadDigestRefusesGapsAndUnfinishedRanges() {
        UploadDigest d = UploadDigest.sha256();
        UploadDigest.Range r = d.begin(0);
        r.update(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThrows(IllegalStateException.class, d::value, "an unfinished range has no digest yet");
        r.finish();
        assertEquals(sha256(new byte[] {1, 2, 3}), d.value());
        assertThrows(IllegalStateException.class, () -> d.begin(5));
        UploadDigest.Range again = d.begin(3);
        again.update(java.nio.ByteBuffer.wrap(new byte[] {4}));
        UploadDigest.Range retry = d.begin(3); // the attempt above failed: start that range over
        retry.update(java.nio.ByteBuffer.wrap(new byte[] {4}));
        retry.finish();
        assertEquals(sha256(new byte[] {1, 2, 3, 4}), d.value());
        assertEquals(4, d.bytes());
    }
}
