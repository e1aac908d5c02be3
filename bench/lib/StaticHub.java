import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny static upstream for the benchmarks: answers every GET under {@code /v2/} with one fixed JSON document
 * (a Docker Hub repository record, or a one-item list for {@code .../repositories}), HTTP/1.1 keep-alive, on
 * 127.0.0.1 and an ephemeral port. The two ways to get a Hub JWT answer with one fixed, unsigned JWT valid until
 * 2100: {@code POST /v2/auth/token} (dockerhub-mcp) and {@code POST /v2/users/login} (Docker's hub-mcp). Prints the
 * port on stdout, then serves until stdin closes; then, with the argument {@code --counts}, prints the request counts
 * on stderr.
 */
public final class StaticHub {
    private static final byte[] REPO = ("{\"user\":\"library\",\"name\":\"nginx\",\"namespace\":\"library\","
        + "\"repository_type\":\"image\",\"status\":1,\"status_description\":\"active\","
        + "\"description\":\"Official build of Nginx.\",\"is_private\":false,\"is_automated\":false,"
        + "\"star_count\":20999,\"pull_count\":12345678901,\"last_updated\":\"2026-01-02T03:04:05.123456Z\","
        + "\"last_modified\":\"2026-01-02T03:04:05.123456Z\",\"date_registered\":\"2014-06-05T19:14:45.244954Z\","
        + "\"collaborator_count\":0,\"affiliation\":null,\"hub_user\":\"library\",\"has_starred\":false,"
        + "\"full_description\":\"# nginx\\n\\nThe official image.\",\"permissions\":{\"read\":true,\"write\":false,"
        + "\"admin\":false},\"media_types\":[\"application/vnd.oci.image.index.v1+json\"],"
        + "\"content_types\":[\"image\"],\"categories\":[{\"name\":\"Web servers\",\"slug\":\"web-servers\"}],"
        + "\"immutable_tags_settings\":{\"enabled\":false,\"rules\":[\".*\"]},\"storage_size\":123456789}")
        .getBytes(StandardCharsets.UTF_8);
    private static final byte[] LIST = ("{\"count\":1,\"next\":null,\"previous\":null,\"results\":[" + new String(REPO,
        StandardCharsets.UTF_8) + "]}").getBytes(StandardCharsets.UTF_8);
    private static final String JWT = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"bench\","
        + "\"iat\":1767225600,\"exp\":4102444800,\"https://hub.docker.com\":{\"username\":\"bench\"}}")
        + ".c2lnbmF0dXJl";
    private static final byte[] AUTH_TOKEN = ("{\"access_token\":\"" + JWT + "\"}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] LOGIN = ("{\"token\":\"" + JWT + "\",\"refresh_token\":\"" + JWT + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    private static final AtomicLong GETS = new AtomicLong();
    private static final AtomicLong MINTS = new AtomicLong();
    private static final AtomicLong LOGINS = new AtomicLong();
    private static final AtomicLong OTHER = new AtomicLong();

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", StaticHub::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // serve until stdin closes
        }
        server.stop(0);
        if (Arrays.asList(args).contains("--counts")) {
            System.err.printf("static hub: %d GET, %d POST /v2/auth/token, %d POST /v2/users/login, %d other%n",
                GETS.get(), MINTS.get(), LOGINS.get(), OTHER.get());
        }
        System.exit(0);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            byte[] body;
            if (method.equals("POST") && path.equals("/v2/auth/token")) {
                MINTS.incrementAndGet();
                body = AUTH_TOKEN;
            } else if (method.equals("POST") && path.equals("/v2/users/login")) {
                LOGINS.incrementAndGet();
                body = LOGIN;
            } else if (!path.startsWith("/v2/")) {
                OTHER.incrementAndGet();
                ex.sendResponseHeaders(404, -1);
                return;
            } else {
                (method.equals("GET") ? GETS : OTHER).incrementAndGet();
                body = path.endsWith("/repositories") || path.endsWith("/repositories/") ? LIST : REPO;
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("X-RateLimit-Limit", "180");
            ex.getResponseHeaders().set("X-RateLimit-Remaining", "179");
            ex.getResponseHeaders().set("X-RateLimit-Reset", "1767225600");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
