package dev.dockerhubmcp.engine.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving HTTP/1.1 server on a raw socket, for what a well-behaved fake cannot do: reset a connection
 * mid-body, stall, lie about Content-Length. Each connection reads one request and hands the socket to the behaviour.
 */
final class RawServer implements AutoCloseable {
    interface Behaviour {
        void answer(Request request, Socket socket) throws Exception;
    }

    record Request(String method, String target, String head, byte[] body) {
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private RawServer(Behaviour behaviour) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.behaviour = behaviour;
        this.acceptor = Thread.ofVirtual().start(this::loop);
    }

    static RawServer start(Behaviour behaviour) throws IOException {
        return new RawServer(behaviour);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void loop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                open.add(s);
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            Request r = read(s.getInputStream());
            if (r == null) {
                s.close();
                return;
            }
            requests.add(r);
            behaviour.answer(r, s);
        } catch (Exception e) {
            // the behaviour may break the connection on purpose
        }
    }

    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                ? state + 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        String[] first = text.substring(0, text.indexOf("\r\n")).split(" ");
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Request(first[0], first[1], text, body);
    }

    /** Writes a full answer and closes the connection. */
    static void respond(Socket s, int status, String contentType, String body, String... headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        sb.append("Content-Type: ").append(contentType).append("\r\n");
        sb.append("Content-Length: ").append(bytes.length).append("\r\n");
        sb.append("Connection: close\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        sb.append("\r\n");
        OutputStream out = s.getOutputStream();
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
        s.close();
    }

    /** Writes headers announcing {@code announced} bytes and only the given part of the body, without closing. */
    static void partial(Socket s, int announced, String part) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + announced
            + "\r\n\r\n" + part).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Closes with a TCP reset rather than an orderly FIN. */
    static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        acceptor.interrupt();
    }
}
