package dev.dockerhubmcp.plugins.registry;

import com.sun.net.httpserver.HttpServer;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.testkit.ActionHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.dockerhubmcp.plugins.registry.Fixture.call;
import static dev.dockerhubmcp.plugins.registry.Fixture.failed;
import static dev.dockerhubmcp.plugins.registry.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upload bodies go to the registry only: a location on another port, host or scheme is refused before any I/O. */
class UploadLocationTest {
    static Fixture f;

    @TempDir
    Path tmp;

    /** Somewhere else, counting what arrives. */
    HttpServer elsewhere;
    final AtomicInteger elsewhereRequests = new AtomicInteger();
    final AtomicLong elsewhereBytes = new AtomicLong();

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void listen() throws IOException {
        elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", ex -> {
            elsewhereRequests.incrementAndGet();
            try (InputStream in = ex.getRequestBody()) {
                elsewhereBytes.addAndGet(in.transferTo(OutputStream.nullOutputStream()));
            }
            ex.getResponseHeaders().set("Location", "/v2/team/loc/blobs/uploads/x");
            ex.sendResponseHeaders(202, -1);
            ex.close();
        });
        elsewhere.start();
    }

    @AfterEach
    void close() {
        elsewhere.stop(0);
    }

    int elsewherePort() {
        return elsewhere.getAddress().getPort();
    }

    @Test
    void aLocationOnAnotherPortHostOrSchemeIsRefusedAndNothingIsSentOrRead() throws Exception {
        var h = f.alice();
        String real = ok(call(h, "start_upload", "repository", "team/loc")).path("location").asText();
        String port = ":" + f.registry.port();
        assertTrue(real.startsWith("http://127.0.0.1" + port + "/"), real);
        Path file = tmp.resolve("chunk.bin");
        Files.write(file, new byte[215]);
        // a FIFO nobody writes to: reading it would block, so an answer at all shows it was not read
        Path fifo = tmp.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        String[] elsewhereLocations = {
            real.replace(port, ":" + elsewherePort()),
            real.replace("127.0.0.1" + port, "localhost:" + elsewherePort()),
            real.replace("http://127.0.0.1" + port, "//127.0.0.1:" + elsewherePort()),
            real.replace("http://", "https://"),
            real.replace("http://", "http://alice:alice-pw@"),
        };
        for (String location : elsewhereLocations) {
            for (String source : new String[] {file.toString(), fifo.toString()}) {
                var chunk = failed(call(h, "upload_chunk", "repository", "team/loc", "location", location,
                    "source_path", source));
                assertEquals(ErrorType.VALIDATION, chunk.type(), location);
                assertTrue(chunk.message().contains("'location'"), chunk.message());
                var complete = failed(call(h, "complete_upload", "repository", "team/loc", "location", location,
                    "digest", "sha256:" + "0".repeat(64), "source_path", source));
                assertEquals(ErrorType.VALIDATION, complete.type(), location);
                assertTrue(complete.message().contains("'location'"), complete.message());
            }
            var b64 = failed(call(h, "upload_chunk", "repository", "team/loc", "location", location,
                "chunk_base64", Base64.getEncoder().encodeToString(new byte[215])));
            assertEquals(ErrorType.VALIDATION, b64.type());
        }
        assertEquals(0, elsewhereRequests.get(), "nothing reached the other listener");
        assertEquals(0, elsewhereBytes.get());

        // the registry's own location, relative or absolute, still works
        var sent = ok(call(h, "upload_chunk", "repository", "team/loc", "location", real,
            "source_path", file.toString()));
        assertEquals(215, sent.path("received").asLong());
    }

    @Test
    void aRegistryThatSendsTheUploadElsewhereIsRefused() throws Exception {
        // a registry whose upload sessions live on another host: push_blob must not follow it with the file
        HttpServer registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger registryRequests = new AtomicInteger();
        registry.createContext("/", ex -> {
            registryRequests.incrementAndGet();
            ex.getRequestBody().transferTo(OutputStream.nullOutputStream());
            if (ex.getRequestMethod().equals("POST")) {
                ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + elsewherePort()
                    + "/v2/team/loc/blobs/uploads/stolen");
                ex.sendResponseHeaders(202, -1);
            } else {
                ex.sendResponseHeaders(204, -1);
            }
            ex.close();
        });
        registry.start();
        try (ActionHarness h = ActionHarness.builder()
                 .registry("http://127.0.0.1:" + registry.getAddress().getPort()).allowDestructive(true)
                 .filesDir(tmp).build()) {
            Path file = tmp.resolve("layer.bin");
            Files.write(file, new byte[215]);
            for (String mode : new String[] {"stream", "chunked", "monolithic"}) {
                var e = failed(call(h, "push_blob", "repository", "team/loc", "source_path", file.toString(),
                    "mode", mode));
                assertEquals(ErrorType.UPSTREAM, e.type(), e.message());
                assertTrue(e.message().contains("not the registry"), e.message());
            }
            var start = failed(call(h, "start_upload", "repository", "team/loc"));
            assertEquals(ErrorType.UPSTREAM, start.type());
        } finally {
            registry.stop(0);
        }
        assertEquals(0, elsewhereRequests.get(), "nothing reached the other listener");
        assertEquals(0, elsewhereBytes.get());
        assertTrue(registryRequests.get() >= 4, "the registry itself was asked: " + registryRequests.get());
    }
}
