package dev.dockerhubmcp.engine.http.registry;

import com.sun.net.httpserver.HttpServer;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.engine.http.UpstreamConfigs;
import dev.dockerhubmcp.api.registry.RegistryRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Docker Hub credentials go to Docker Hub only; another registry gets its own login (Docker CLI config) or none,
 * and a token realm gets the registry's credentials only where they belong.
 */
class CredentialRoutingTest {
    static final String PAT = "dckr_pat_never_elsewhere";

    HttpServer registry;
    HttpServer realm;
    final List<String> registryAuthorizations = new CopyOnWriteArrayList<>();
    final List<String> realmAuthorizations = new CopyOnWriteArrayList<>();
    volatile String challenge;
    final List<DefaultUpstreams> open = new ArrayList<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        realm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        realm.createContext("/token", ex -> {
            realmAuthorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            byte[] b = "{\"token\":\"tok\",\"expires_in\":300}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        realm.start();
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            registryAuthorizations.add(String.valueOf(auth));
            if (auth == null || !auth.equals("Bearer tok")) {
                ex.getResponseHeaders().set("WWW-Authenticate", challenge);
                ex.sendResponseHeaders(401, -1);
            } else {
                byte[] b = "{\"name\":\"team/app\",\"tags\":[\"v1\"]}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        registry.start();
        challenge = "Bearer realm=\"" + realmUrl() + "\",service=\"reg\"";
    }

    @AfterEach
    void stop() {
        open.forEach(DefaultUpstreams::close);
        registry.stop(0);
        realm.stop(0);
    }

    String registryUrl() {
        return "http://127.0.0.1:" + registry.getAddress().getPort();
    }

    String realmUrl() {
        return "http://127.0.0.1:" + realm.getAddress().getPort() + "/token";
    }

    DefaultRegistryClient client(UpstreamConfig.Builder b) {
        DefaultUpstreams u = new DefaultUpstreams(b.connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(5)).maxRetries(0).build());
        open.add(u);
        return (DefaultRegistryClient) u.registry();
    }

    RegistryRequest tags() {
        return RegistryRequest.builder("GET", "team/app").path("tags/list").build();
    }

    @Test
    void aChallengeFromAnotherRegistryNamingARealmGetsNoHubCredential() {
        DefaultRegistryClient c = client(UpstreamConfig.builder().registryUrl(registryUrl())
            .credentials(Credentials.of("alice", PAT, "DOCKER_HUB_USER/DOCKER_HUB_TOKEN")));
        assertEquals(200, c.send(tags()).status());
        assertEquals(List.of("null"), realmAuthorizations, "the realm was asked anonymously");
        assertFalse(registryAuthorizations.stream().anyMatch(a -> a.startsWith("Basic")), registryAuthorizations.toString());
    }

    @Test
    void aBasicChallengeFromAnotherRegistryGetsNoHubCredentialEither() {
        challenge = "Basic realm=\"registry\"";
        DefaultRegistryClient c = client(UpstreamConfig.builder().registryUrl(registryUrl())
            .credentials(Credentials.of("alice", PAT, "DOCKER_HUB_USER/DOCKER_HUB_TOKEN")));
        ActionException e = assertThrows(ActionException.class, () -> c.send(tags()));
        assertEquals(ErrorType.UNAUTHORIZED, e.error().type());
        assertTrue(e.getMessage().contains("Docker CLI config"), e.getMessage());
        assertEquals(List.of("null"), registryAuthorizations);
    }

    @Test
    void theRegistrysOwnLoginGoesToItsLoopbackRealm() {
        DefaultRegistryClient c = client(UpstreamConfig.builder().registryUrl(registryUrl())
            .credentials(Credentials.of("alice", PAT, "DOCKER_HUB_USER/DOCKER_HUB_TOKEN"))
            .registryCredentials(Credentials.of("robot", "robot-pw", "docker-config")));
        assertEquals(200, c.send(tags()).status());
        assertEquals(List.of("Basic " + b64("robot:robot-pw")), realmAuthorizations);
    }

    @Test
    void realmsGetTheRegistrysCredentialsOnlyWhereTheyBelong() {
        DefaultRegistryClient hub = client(UpstreamConfig.builder());
        assertTrue(hub.realmGetsCredentials(URI.create("https://auth.docker.io/token")));
        assertFalse(hub.realmGetsCredentials(URI.create("http://auth.docker.io/token")), "not in clear text");
        assertFalse(hub.realmGetsCredentials(URI.create("https://auth.example.com/token")), "Hub's go to Hub only");

        DefaultRegistryClient other = client(UpstreamConfig.builder().registryUrl("http://10.1.2.3:5000"));
        assertFalse(other.realmGetsCredentials(URI.create("https://auth.docker.io/token")),
            "another registry's login never goes to Docker Hub");
        assertTrue(other.realmGetsCredentials(URI.create("http://10.1.2.3:5001/token")), "the registry's own host");
        assertTrue(other.realmGetsCredentials(URI.create("https://auth.example.com/token")));
        assertTrue(other.realmGetsCredentials(URI.create("http://127.0.0.1:9999/token")), "loopback");
        assertFalse(other.realmGetsCredentials(URI.create("http://auth.example.com/token")),
            "another host in clear text");

        DefaultRegistryClient tls = client(UpstreamConfig.builder().registryUrl("https://reg.example.com"));
        assertFalse(tls.realmGetsCredentials(URI.create("http://reg.example.com:8080/token")),
            "no downgrade to clear text on the same host");
    }

    @Test
    void theEnvironmentGivesAnotherRegistryItsOwnDockerLoginNeverTheHubOne() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("docker"));
        Files.writeString(dir.resolve("config.json"), """
            {"auths": {
              "https://index.docker.io/v1/": {"auth": "%s"},
              "127.0.0.1:5000": {"auth": "%s"}
            }}""".formatted(b64("hubuser:hubpw"), b64("robot:robot-pw")));
        Map<String, String> base = Map.of("DOCKER_CONFIG", dir.toString(), "DOCKER_HUB_USER", "alice",
            "DOCKER_HUB_TOKEN", PAT);

        UpstreamConfig hub = UpstreamConfigs.fromEnvironment(base, tmp);
        assertEquals("alice", hub.credentials().identifier());
        assertEquals(hub.credentials(), hub.registryCredentials(), "Docker Hub's registry gets the Hub login");

        Map<String, String> own = new java.util.HashMap<>(base);
        own.put("DOCKER_REGISTRY_URL", "http://127.0.0.1:5000");
        UpstreamConfig c = UpstreamConfigs.fromEnvironment(own, tmp);
        assertEquals("alice", c.credentials().identifier());
        assertEquals("robot", c.registryCredentials().identifier());
        assertEquals("robot-pw", c.registryCredentials().secret());

        Map<String, String> unknown = new java.util.HashMap<>(base);
        unknown.put("DOCKER_REGISTRY_URL", "https://registry.example.com");
        UpstreamConfig none = UpstreamConfigs.fromEnvironment(unknown, tmp);
        assertTrue(none.registryCredentials().anonymous(), none.registryCredentials().toString());
        assertNull(none.registryCredentials().secret());
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
