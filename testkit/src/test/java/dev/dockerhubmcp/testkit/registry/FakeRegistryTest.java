package dev.dockerhubmcp.testkit.registry;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeRegistryTest {

    @Test
    void paginatesWithLinkAndScriptsFailures() throws Exception {
        try (FakeRegistry fake = FakeRegistry.start().rateLimit("100;w=21600", "99;w=21600");
             HttpClient http = HttpClient.newHttpClient()) {
            fake.addTags("a/b", List.of("x", "y", "z"));
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(fake.url()
                + "/v2/a/b/tags/list?n=2")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"name\":\"a/b\",\"tags\":[\"x\",\"y\"]}", page.body());
            assertEquals("</v2/a/b/tags/list?last=y&n=2>; rel=\"next\"", page.headers().firstValue("link").orElseThrow());
            assertEquals("100;w=21600", page.headers().firstValue("ratelimit-limit").orElseThrow());

            fake.tooManyRequests(1, "7");
            HttpResponse<String> limited = http.send(HttpRequest.newBuilder(URI.create(fake.url() + "/v2/")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(429, limited.statusCode());
            assertEquals("7", limited.headers().firstValue("retry-after").orElseThrow());
            assertTrue(limited.body().contains("TOOMANYREQUESTS"));
        }
    }

    @Test
    void challengesWhenAuthIsRequired() throws Exception {
        try (FakeRegistry fake = FakeRegistry.start().requireAuth(true); HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fake.url()
                + "/v2/a/b/manifests/v1")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode());
            assertEquals("Bearer realm=\"" + fake.tokenRealm() + "\",service=\"fake-registry\","
                + "scope=\"repository:a/b:pull\"", r.headers().firstValue("www-authenticate").orElseThrow());
        }
    }
}
