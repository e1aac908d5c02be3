import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A tiny static upstream for the overhead benchmark: answers every GET under {@code /v2/} with one fixed JSON document
 * (a Docker Hub repository record, or a one-item list for {@code .../repositories}), HTTP/1.1 keep-alive, on
 * 127.0.0.1 and an ephemeral port. Prints the port on stdout, then serves until stdin closes.
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
        System.exit(0);
    }

    private static void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            if (!path.startsWith("/v2/")) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = path.endsWith("/repositories") || path.endsWith("/repositories/") ? LIST : REPO;
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
