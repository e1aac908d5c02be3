package dev.dockerhubmcp.testkit.registry;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealRegistryTest {

    @Test
    void startsWithTokenAuthAcceptsOurJwtsAndCleansUp() throws Exception {
        Path storage;
        long started = System.nanoTime();
        try (TokenServer tokens = TokenServer.builder().user("alice", "pw").grant("alice", "*", "pull", "push").start();
             RealRegistry registry = RealRegistry.start(tokens);
             HttpClient http = HttpClient.newHttpClient()) {
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20, "start should be quick (bounded by the 15 s readiness timeout)");
            storage = registry.storage().getParent();
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(registry.url() + "/v2/"))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
            String challenge = anonymous.headers().firstValue("www-authenticate").orElseThrow();
            assertTrue(challenge.contains("realm=\"" + tokens.realm() + "\""), challenge);
            assertTrue(challenge.contains("service=\"" + tokens.service() + "\""), challenge);

            String jwt = tokens.mint("alice", "team/app", "pull", "push");
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(registry.url() + "/v2/"))
                .header("Authorization", "Bearer " + jwt).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode(), "registry refused our JWT: " + ok.body() + "\n" + registry.log());

            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(
                    URI.create(registry.url() + "/v2/team/app/blobs/uploads/"))
                .header("Authorization", "Bearer " + jwt).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(202, upload.statusCode(), upload.body());

            String pullOnly = tokens.mint("alice", "team/app", "pull");
            HttpResponse<String> denied = http.send(HttpRequest.newBuilder(
                    URI.create(registry.url() + "/v2/team/app/blobs/uploads/"))
                .header("Authorization", "Bearer " + pullOnly).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(401, denied.statusCode(), "a pull-only token must not start an upload");
        }
        assertFalse(Files.exists(storage), "temporary directory should be deleted");
    }

    @Test
    void tokenServerRefusesWrongPasswordAndGrantsIntersection() throws Exception {
        try (TokenServer tokens = TokenServer.builder().user("alice", "pw").grant("alice", "*", "pull", "push")
                 .grant(null, "public/*", "pull").start();
             HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(tokens.realm()
                    + "?service=" + tokens.service() + "&scope=repository:a/b:pull"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("alice:no".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, bad.statusCode());
            HttpResponse<String> anon = http.send(HttpRequest.newBuilder(URI.create(tokens.realm()
                    + "?service=" + tokens.service() + "&scope=repository:public/x:pull,push"))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, anon.statusCode());
            TokenServer.TokenRequest last = tokens.requests().get(tokens.requests().size() - 1);
            assertEquals(java.util.Set.of("pull"), last.granted().get("public/x"), "anonymous push must be refused");
            assertEquals(1, tokens.requestsFor("repository:public/x:pull,push"));
        }
    }
}
