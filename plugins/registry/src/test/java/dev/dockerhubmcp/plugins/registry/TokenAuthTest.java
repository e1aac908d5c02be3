package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfigs;
import dev.dockerhubmcp.engine.http.registry.DefaultRegistryClient;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import dev.dockerhubmcp.testkit.registry.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static dev.dockerhubmcp.plugins.registry.Fixture.call;
import static dev.dockerhubmcp.plugins.registry.Fixture.failed;
import static dev.dockerhubmcp.plugins.registry.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token flow end to end against distribution 2.8.2: scopes asked, caching, anonymous access, refusals. */
class TokenAuthTest {
    static Fixture f;

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void oneTokenPerScopeWithinItsLifetimeAndTheRightScopes() throws Exception {
        TestImages.Image img = TestImages.image("linux/amd64", "scopes");
        String digest = TestImages.push(f.client(), "team/scopes", "v1", img);
        f.tokens.resetCounts();
        var h = f.alice();
        for (int i = 0; i < 5; i++) {
            ok(call(h, "check_manifest", "repository", "team/scopes", "reference", "v1"));
            ok(call(h, "get_manifest", "repository", "team/scopes", "reference", "v1"));
        }
        assertEquals(1, f.tokens.requestsFor("repository:team/scopes:pull"), f.tokens.requests().toString());

        Path file = Files.createTempFile("scopes", ".bin");
        try {
            Files.write(file, new byte[] {1, 2, 3});
            ok(call(h, "push_blob", "repository", "team/scopes", "source_path", file.toString()));
            ok(call(h, "push_blob", "repository", "team/scopes", "source_path", file.toString(), "mode", "chunked"));
        } finally {
            Files.delete(file);
        }
        assertEquals(1, f.tokens.requestsFor("repository:team/scopes:pull,push"), f.tokens.requests().toString());

        ok(call(h, "delete_manifest", "repository", "team/scopes", "reference", digest));
        assertEquals(1, f.tokens.requestsFor("repository:team/scopes:pull,push,delete"));
        assertEquals(3, f.tokens.requests().size(), "pull, pull+push, pull+push+delete: " + f.tokens.requests());
        f.tokens.requests().forEach(r -> assertEquals("alice", r.subject()));
        long fetched = ((DefaultRegistryClient) h.upstreams().registry()).tokenFetchCount();
        assertEquals(3, fetched);
    }

    @Test
    void concurrentCallersShareOneTokenFetch() throws Exception {
        TestImages.push(f.client(), "team/concurrent", "v1", TestImages.image("linux/amd64", "c"));
        var h = f.alice();
        ok(call(h, "api_version")); // learn the realm
        f.tokens.resetCounts();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> ok(call(h, "resolve_digest", "repository", "team/concurrent",
                    "reference", "v1"))));
            }
            for (var fu : futures) {
                fu.get();
            }
        }
        assertEquals(1, f.tokens.requestsFor("repository:team/concurrent:pull"), f.tokens.requests().toString());
    }

    @Test
    void anonymousCallersPullPublicRepositoriesButCannotPush() throws Exception {
        TestImages.Image img = TestImages.image("linux/amd64", "public");
        String digest = TestImages.push(f.client(), "public/app", "v1", img);
        var anon = f.as(null, true);
        JsonNode d = ok(call(anon, "resolve_digest", "repository", "public/app", "reference", "v1"));
        assertEquals(digest, d.path("digest").asText());
        assertTrue(f.tokens.requests().stream().anyMatch(r -> r.subject() == null
            && r.scopes().contains("repository:public/app:pull")));

        var privateRead = failed(call(anon, "resolve_digest", "repository", "team/secret", "reference", "v1"));
        assertEquals(ErrorType.UNAUTHORIZED, privateRead.type());

        Path file = Files.createTempFile("anon", ".bin");
        try {
            Files.write(file, new byte[] {9});
            var push = failed(call(anon, "push_blob", "repository", "public/app", "source_path", file.toString()));
            assertEquals(ErrorType.UNAUTHORIZED, push.type());
            assertTrue(push.message().contains("anonymous"), push.message());
            var put = failed(call(anon, "put_manifest", "repository", "public/app", "reference", "v2",
                "manifest", img.manifest().text()));
            assertEquals(ErrorType.UNAUTHORIZED, put.type());
        } finally {
            Files.delete(file);
        }
        assertEquals(digest, ok(call(f.alice(), "resolve_digest", "repository", "public/app", "reference", "v1"))
            .path("digest").asText(), "nothing changed");
    }

    @Test
    void theHubLoginNeverReachesAnotherRegistryButItsOwnDockerLoginDoes(@TempDir Path tmp) throws Exception {
        TestImages.push(f.client(), "team/routing", "v1", TestImages.image("linux/amd64", "routing"));
        RegistryRequest read = RegistryRequest.builder("GET", "team/routing").path("manifests/v1").build();
        // the Hub login happens to be valid at this registry's token server too: still it must not go there
        Map<String, String> env = Map.of("DOCKER_REGISTRY_URL", f.registry.url(), "DOCKER_HUB_USER", "alice",
            "DOCKER_HUB_TOKEN", "alice-pw", "DOCKER_CONFIG", tmp.toString());
        f.tokens.resetCounts();
        try (DefaultUpstreams u = new DefaultUpstreams(UpstreamConfigs.fromEnvironment(env, tmp))) {
            ActionException e = assertThrows(ActionException.class, () -> u.registry().send(read));
            assertEquals(ErrorType.UNAUTHORIZED, e.error().type());
        }
        assertFalse(f.tokens.requests().isEmpty());
        f.tokens.requests().forEach(r -> assertNull(r.subject(), "asked anonymously: " + r));

        Files.writeString(tmp.resolve("config.json"), "{\"auths\":{\"" + f.registry.hostPort() + "\":{\"auth\":\""
            + Base64.getEncoder().encodeToString("bob:bob-pw".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        f.tokens.resetCounts();
        try (DefaultUpstreams u = new DefaultUpstreams(UpstreamConfigs.fromEnvironment(env, tmp))) {
            assertEquals(200, u.registry().send(read).status());
        }
        assertFalse(f.tokens.requests().isEmpty());
        f.tokens.requests().forEach(r -> assertEquals("bob", r.subject(), "the registry's own login: " + r));
    }

    @Test
    void expiredTokensAreFetchedAgain() throws Exception {
        try (var tokens = dev.dockerhubmcp.testkit.registry.TokenServer.builder().user("alice", "alice-pw")
                 .grant("alice", "*", "pull", "push").tokenLifetime(java.time.Duration.ofSeconds(6)).start();
             var reg = dev.dockerhubmcp.testkit.registry.RealRegistry.start(tokens);
             var h = dev.dockerhubmcp.testkit.ActionHarness.builder().registry(reg.url()).registryAuth(tokens.realm())
                 .registryCredentials("alice", "alice-pw").build()) {
            ok(call(h, "check_manifest", "repository", "team/exp", "reference", "v1"));
            ok(call(h, "check_manifest", "repository", "team/exp", "reference", "v1"));
            assertEquals(1, tokens.requestsFor("repository:team/exp:pull"));
            Thread.sleep(1200); // 6 s lifetime, refreshed 5 s early: stale after 1 s
            ok(call(h, "check_manifest", "repository", "team/exp", "reference", "v1"));
            assertEquals(2, tokens.requestsFor("repository:team/exp:pull"));
        }
    }
}
