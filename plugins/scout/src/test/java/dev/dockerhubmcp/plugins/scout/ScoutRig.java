package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.engine.ToolInvoker;
import dev.dockerhubmcp.engine.safety.SafetyPolicy;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHub;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.FakeScout;
import dev.dockerhubmcp.testkit.RecordedRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The scout plugin under test, run the way the host runs it (the real runner, the real Hub and Scout clients) against
 * a FakeHub (JWT mint), a FakeScout (GraphQL) and a {@link FakeRegistry} (tag → digest). Every GraphQL request the
 * plugin sends is validated against the Scout schema, variables included.
 */
final class ScoutRig implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String USER = "alice";
    static final String PAT = "dckr_pat_scouttest";

    final FakeHub hub = FakeHub.start().user(USER, PAT);
    final FakeScout scout = FakeScout.start();
    final FakeRegistry registry = new FakeRegistry();
    final ActionHarness harness = ActionHarness.builder().hub(hub.url()).scout(scout.url())
        .registry(registry.url()).credentials(USER, PAT).build();
    private final RegistryClient registryClient = new TestRegistryClient(registry.url());
    private final ToolInvoker runner = new ToolInvoker(new SafetyPolicy(false, false));
    private final ScoutPlugin plugin = new ScoutPlugin();

    /** Runs an action with JSON arguments and checks every Scout request it made against the schema. */
    Result call(String action, String json) {
        int before = scout.requests().size();
        Action a = plugin.actions().stream().filter(x -> x.name().equals(action)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no action " + action));
        ObjectNode args;
        try {
            args = (ObjectNode) MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
        Result r = runner.run("hub_scout " + action, a, args, context());
        List<RecordedRequest> sent = scout.requests().subList(before, scout.requests().size());
        for (RecordedRequest req : sent) {
            JsonNode body = req.json();
            List<String> errors = ScoutSchema.get().validate(body.path("query").asText(), body.path("variables"));
            if (!errors.isEmpty()) {
                fail(action + " sent a request the Scout schema refuses: " + errors + "\n" + body);
            }
        }
        return r;
    }

    ObjectNode envelope(Result r) {
        return harness.envelope(r);
    }

    /** The GraphQL requests sent (bodies). */
    List<JsonNode> graphql() {
        List<JsonNode> out = new ArrayList<>();
        scout.requests().forEach(r -> out.add(r.json()));
        return out;
    }

    /** Variables of the request whose query declares {@code operation}. */
    JsonNode variablesOf(String operation) {
        for (JsonNode b : graphql()) {
            if (b.path("query").asText().contains("query " + operation + "(")) {
                return b.path("variables");
            }
        }
        fail("no request for " + operation + "; sent: " + graphql());
        return null;
    }

    /** Scout answers every query with this function of the request (registered last, so it wins). */
    void answerAll(Function<RecordedRequest, FakeResponse> answer) {
        scout.onField("query", answer);
    }

    void assertNothingSent() {
        assertTrue(scout.requests().isEmpty(), "no Scout request: " + scout.requestLines());
        assertTrue(registry.requests().isEmpty(), "no registry request: " + registry.requestLines());
    }

    private ActionContext context() {
        ActionContext base = harness.context();
        return new ActionContext() {
            @Override
            public <T> T client(Class<T> type) {
                return type == RegistryClient.class ? type.cast(registryClient) : base.client(type);
            }

            @Override
            public RateLimits rateLimits() {
                return base.rateLimits();
            }
        };
    }

    @Override
    public void close() {
        harness.close();
        hub.close();
        scout.close();
        registry.close();
    }
}
