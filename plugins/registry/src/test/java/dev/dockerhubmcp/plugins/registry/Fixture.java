package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.registry.RealRegistry;
import dev.dockerhubmcp.testkit.registry.TokenServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real registry (distribution 2.8.2, token auth) with three identities: alice (pull, push, delete everywhere),
 * bob (pull only) and anonymous callers (pull on public/*); harnesses for each; argument and result helpers.
 */
final class Fixture implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final RegistryPlugin PLUGIN = new RegistryPlugin();

    final TokenServer tokens;
    final RealRegistry registry;
    private final List<AutoCloseable> open = new ArrayList<>();

    private Fixture(TokenServer tokens, RealRegistry registry) {
        this.tokens = tokens;
        this.registry = registry;
    }

    static Fixture start() {
        TokenServer tokens = TokenServer.builder()
            .user("alice", "alice-pw").user("bob", "bob-pw")
            .grant("alice", "*", "pull", "push", "delete")
            .grant("bob", "*", "pull")
            .grant(null, "public/*", "pull")
            .start();
        try {
            return new Fixture(tokens, RealRegistry.start(tokens));
        } catch (RuntimeException e) {
            tokens.close();
            throw e;
        }
    }

    /** A harness as {@code user} (null: anonymous), destructive actions allowed unless said otherwise. */
    ActionHarness as(String user, boolean allowDestructive) {
        ActionHarness.Builder b = ActionHarness.builder().registry(registry.url()).registryAuth(tokens.realm())
            .allowDestructive(allowDestructive).filesDir(FakeFixture.TMP);
        if (user != null) {
            b.registryCredentials(user, user + "-pw");
        }
        ActionHarness h = b.build();
        open.add(h);
        return h;
    }

    ActionHarness alice() {
        return as("alice", true);
    }

    /** A bare client as alice, for seeding content. */
    RegistryClient client() {
        DefaultUpstreams u = new DefaultUpstreams(UpstreamConfig.builder().registryUrl(registry.url())
            .registryAuthUrl(tokens.realm()).registryCredentials(Credentials.of("alice", "alice-pw", "test"))
            .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(30)).build());
        open.add(u);
        return u.registry();
    }

    static ObjectNode args(Object... kv) {
        ObjectNode n = MAPPER.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            n.set((String) kv[i], MAPPER.valueToTree(kv[i + 1]));
        }
        return n;
    }

    static Result call(ActionHarness h, String action, Object... kv) {
        return h.call(PLUGIN, action, args(kv));
    }

    /** The data of a successful result (fails the test with the error otherwise). */
    static JsonNode ok(Result r) {
        assertFalse(r.isError(), () -> "unexpected error: " + r.error());
        return r.data();
    }

    /** The error of a failed result. */
    static dev.dockerhubmcp.api.ActionError failed(Result r) {
        assertTrue(r.isError(), () -> "expected an error, got " + r.data());
        return r.error();
    }

    static String codes(dev.dockerhubmcp.api.ActionError e) {
        StringBuilder sb = new StringBuilder();
        if (e.details() != null) {
            e.details().path("errors").forEach(x -> sb.append(x.path("code").asText()).append(' '));
        }
        return sb.toString().trim();
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing test clients
            }
        }
        registry.close();
        tokens.close();
    }
}
