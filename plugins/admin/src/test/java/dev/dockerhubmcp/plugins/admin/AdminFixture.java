package dev.dockerhubmcp.plugins.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.PluginInfo;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.engine.ToolInvoker;
import dev.dockerhubmcp.engine.safety.SafetyPolicy;
import dev.dockerhubmcp.testkit.ActionHarness;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Runs admin actions the way the host does, with a context whose plugin list or registry the test chooses. */
final class AdminFixture {
    static final ObjectMapper M = new ObjectMapper();

    private AdminFixture() {
    }

    static Action action(String name) {
        return new AdminPlugin().actions().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    /** Runs through the real runner (schema check, gate, error mapping) with the harness's clients. */
    static Result run(ActionHarness h, String action, String json, List<PluginInfo> plugins, RegistryClient registry) {
        ActionContext base = h.context();
        ActionContext ctx = new ActionContext() {
            @Override
            public <T> T client(Class<T> type) {
                return type == RegistryClient.class && registry != null ? type.cast(registry) : base.client(type);
            }

            @Override
            public RateLimits rateLimits() {
                return base.rateLimits();
            }

            @Override
            public List<PluginInfo> plugins() {
                return plugins;
            }
        };
        try {
            ObjectNode args = json == null ? M.createObjectNode() : (ObjectNode) M.readTree(json);
            return new ToolInvoker(SafetyPolicy.DEFAULT).run("hub_admin " + action, action(action), args, ctx);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The envelope's data after asserting success. */
    static JsonNode ok(ActionHarness h, Result r) {
        JsonNode env = h.envelope(r);
        assertFalse(r.isError(), env.toString());
        return env.get("data");
    }

    static void assertNoSecret(JsonNode env, String... secrets) {
        String s = env.toString();
        assertFalse(s.contains("eyJ"), "a JWT leaked: " + s);
        for (String secret : secrets) {
            assertFalse(s.contains(secret), "leaked " + secret + ": " + s);
        }
    }
}
