package dev.dockerhubmcp.host.stdio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts newline-delimited JSON-RPC messages passing one way: requests (an {@code id} and a {@code method}) or
 * responses (an {@code id} and a {@code result} or {@code error}). Only top-level keys are read.
 */
final class MessageCounter {
    enum Kind { REQUESTS, RESPONSES }

    private static final JsonFactory JSON = new JsonFactory();

    private final Kind kind;
    private final AtomicLong count = new AtomicLong();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    MessageCounter(Kind kind) {
        this.kind = kind;
    }

    long count() {
        return count.get();
    }

    synchronized void feed(byte[] b, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i - start);
                lineDone();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    synchronized void feed(int b) {
        if (b == '\n') {
            lineDone();
        } else {
            line.write(b);
        }
    }

    private void lineDone() {
        byte[] bytes = line.toByteArray();
        line.reset();
        if (bytes.length > 0 && matches(bytes)) {
            count.incrementAndGet();
        }
    }

    private boolean matches(byte[] bytes) {
        boolean id = false;
        boolean method = false;
        boolean outcome = false;
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "id" -> id = value != JsonToken.VALUE_NULL;
                    case "method" -> method = true;
                    case "result", "error" -> outcome = true;
                    default -> {
                    }
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return kind == Kind.REQUESTS && bytes.length > 0; // unparseable input is answered with a parse error
        }
        return kind == Kind.REQUESTS ? id && method : id && outcome && !method;
    }
}
