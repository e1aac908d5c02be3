package dev.dockerhubmcp.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A scriptable HTTP server on 127.0.0.1 and an ephemeral port, for tests: routes answer fixed responses, queued
 * one-shot responses (e.g. a 429 then a 200), or a function of the request; every request is recorded. Unmatched
 * requests answer 404 {@code {"message":"no route for …"}}.
 *
 * <pre>{@code
 * try (FakeHttpServer s = FakeHttpServer.start()) {
 *     s.on("GET", "/v2/namespaces/library/repositories").once(FakeResponse.tooManyRequests(0))
 *         .respond(FakeResponse.json(200, "{\"count\":0,\"results\":[]}"));
 *     ...
 *     assertEquals(2, s.requests("GET", "/v2/namespaces/library/repositories").size());
 * }
 * }</pre>
 */
public class FakeHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    protected FakeHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start fake server", e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeHttpServer start() {
        return new FakeHttpServer();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * A route for a method and a path. The path is exact (the raw, encoded path), or a regular expression when it
     * starts with {@code ~}. Later routes win over earlier ones for the same request.
     */
    public Route on(String method, String path) {
        Route r = new Route(method, path);
        routes.add(0, r);
        return r;
    }

    /** Every request received, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests with this method and exact path. */
    public List<RecordedRequest> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("no request received");
        }
        return requests.get(requests.size() - 1);
    }

    /** Forgets recorded requests (routes stay). */
    public void clearRequests() {
        requests.clear();
    }

    /** Forgets routes and requests. */
    public void reset() {
        routes.clear();
        requests.clear();
    }

    /** Called for each request before routing; a subclass may answer it (return non-null) — e.g. authentication. */
    protected FakeResponse intercept(RecordedRequest request) {
        return null;
    }

    /** Called on every answer before it is sent; a subclass may add headers (rate limits). */
    protected FakeResponse decorate(FakeResponse response) {
        return response;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            RecordedRequest req = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
            requests.add(req);
            FakeResponse response = intercept(req);
            if (response == null) {
                response = route(req);
            }
            response = decorate(response);
            for (Map.Entry<String, String> h : response.headers().entrySet()) {
                exchange.getResponseHeaders().add(h.getKey(), h.getValue());
            }
            boolean noBody = req.method().equals("HEAD") || response.status() == 204 || response.status() == 304;
            if (noBody) {
                exchange.sendResponseHeaders(response.status(), -1);
            } else {
                exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private FakeResponse route(RecordedRequest req) {
        for (Route r : routes) {
            if (r.matches(req)) {
                return r.answer(req);
            }
        }
        return FakeResponse.json(404, Map.of("message", "no route for " + req.method() + " " + req.path()));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A scripted route. */
    public static final class Route {
        private final String method;
        private final String path;
        private final Pattern regex;
        private final Deque<Function<RecordedRequest, FakeResponse>> once = new ArrayDeque<>();
        private volatile Function<RecordedRequest, FakeResponse> always;

        Route(String method, String path) {
            this.method = method;
            this.path = path;
            this.regex = path.startsWith("~") ? Pattern.compile(path.substring(1)) : null;
        }

        /** Answers this from now on (after any queued one-shot answers). */
        public Route respond(FakeResponse response) {
            this.always = r -> response;
            return this;
        }

        public Route respond(int status, String json) {
            return respond(FakeResponse.json(status, json));
        }

        /** Answers with a function of the request. */
        public Route handle(Function<RecordedRequest, FakeResponse> handler) {
            this.always = handler;
            return this;
        }

        /** Queues a one-shot answer, used before the standing one. */
        public synchronized Route once(FakeResponse response) {
            once.addLast(r -> response);
            return this;
        }

        boolean matches(RecordedRequest req) {
            boolean methodOk = method.equals("*") || method.equalsIgnoreCase(req.method());
            if (!methodOk) {
                return false;
            }
            return regex != null ? regex.matcher(req.path()).matches() : path.equals(req.path());
        }

        synchronized FakeResponse answer(RecordedRequest req) {
            Function<RecordedRequest, FakeResponse> f = once.pollFirst();
            if (f == null) {
                f = always;
            }
            if (f == null) {
                return FakeResponse.json(500, Map.of("message", "route has no answer"));
            }
            return f.apply(req);
        }
    }

    /** Requests grouped for assertions. */
    public List<String> requestLines() {
        List<String> out = new ArrayList<>();
        requests.forEach(r -> out.add(r.toString()));
        return out;
    }
}
