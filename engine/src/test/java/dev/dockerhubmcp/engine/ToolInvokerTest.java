package dev.dockerhubmcp.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.engine.safety.SafetyPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolInvokerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final AtomicInteger runs = new AtomicInteger();

    private Action action(Effect effect, boolean destroysWhenInactive) {
        Action.Builder b = Action.builder("act").description("Does it.")
            .input(Schema.object().optional("active", Schema.bool("state")).optional("n", Schema.integer("n").max(3)))
            .effect(effect)
            .handler((args, ctx) -> {
                runs.incrementAndGet();
                return Result.ok(JsonNodeFactory.instance.objectNode().put("ran", true));
            });
        if (destroysWhenInactive) {
            b.destructiveWhen(a -> !a.bool("active", true));
        }
        return b.build();
    }

    private static ObjectNode args(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json);
    }

    @Test
    void invalidArgumentsNeverReachTheHandler() throws Exception {
        Result r = new ToolInvoker(SafetyPolicy.DEFAULT).run("hub_x act", action(Effect.READ, false),
            args("{\"n\":9}"), null);
        assertEquals(ErrorType.VALIDATION, r.error().type());
        assertTrue(r.error().message().startsWith("hub_x act: 'n' must be at most 3"), r.error().message());
        assertEquals(0, runs.get());
    }

    @Test
    void destructiveIsRefusedUnlessAllowedAndArgumentsCanMakeAWriteDestructive() throws Exception {
        ToolInvoker guarded = new ToolInvoker(SafetyPolicy.DEFAULT);
        assertEquals(ErrorType.DESTRUCTIVE_REFUSED, guarded.run("t", action(Effect.DESTRUCTIVE, false),
            args("{}"), null).error().type());
        Result inactive = guarded.run("t", action(Effect.WRITE, true), args("{\"active\":false}"), null);
        assertEquals(ErrorType.DESTRUCTIVE_REFUSED, inactive.error().type());
        assertTrue(inactive.error().message().contains("with these arguments it is destructive"));
        assertFalse(guarded.run("t", action(Effect.WRITE, true), args("{\"active\":true}"), null).isError());
        assertFalse(new ToolInvoker(new SafetyPolicy(false, true)).run("t", action(Effect.DESTRUCTIVE, false),
            args("{}"), null).isError());
        assertEquals(2, runs.get());
    }

    @Test
    void readOnlyRefusesEveryWrite() throws Exception {
        ToolInvoker ro = new ToolInvoker(new SafetyPolicy(true, true));
        assertEquals(ErrorType.READ_ONLY, ro.run("t", action(Effect.WRITE, false), args("{}"), null).error().type());
        assertFalse(ro.run("t", action(Effect.READ, false), args("{}"), null).isError());
    }

    @Test
    void failuresBecomeTheOneErrorShapeWithoutSecrets() throws Exception {
        Action throwsTyped = Action.builder("a").description("d.").effect(Effect.READ).handler((a, c) -> {
            throw new ActionException(new ActionError(ErrorType.RATE_LIMITED, "slow down", 429, 30L, null));
        }).build();
        ObjectNode e = ToolInvoker.envelope(new ToolInvoker(SafetyPolicy.DEFAULT).run("t", throwsTyped, args("{}"),
            null), new RateLimits());
        assertEquals("rate_limited", e.path("error").path("type").asText());
        assertEquals(429, e.path("error").path("status_code").asInt());
        assertEquals(30, e.path("error").path("retry_after").asInt());
        Action crashes = Action.builder("a").description("d.").effect(Effect.READ).handler((a, c) -> {
            throw new IllegalStateException("token dckr_pat_abcdefghijklmnop leaked");
        }).build();
        ObjectNode crash = ToolInvoker.envelope(new ToolInvoker(SafetyPolicy.DEFAULT).run("t", crashes, args("{}"),
            null), new RateLimits());
        assertEquals("internal", crash.path("error").path("type").asText());
        assertFalse(crash.toString().contains("dckr_pat_"), crash.toString());
        assertFalse(crash.toString().contains("IllegalState") || crash.toString().contains("Exception"),
            "no Java names: " + crash);
        assertEquals("t failed unexpectedly (an internal error; the server log has the details)",
            crash.path("error").path("message").asText());
        Action overflows = Action.builder("a").description("d.").effect(Effect.READ).handler((a, c) -> {
            throw new StackOverflowError();
        }).build();
        assertEquals("internal", ToolInvoker.envelope(new ToolInvoker(SafetyPolicy.DEFAULT).run("t", overflows,
            args("{}"), null), new RateLimits()).path("error").path("type").asText());
    }

    @Test
    void validationErrorsAndMessagesAreBounded() throws Exception {
        Action a = Action.builder("a").description("d.").effect(Effect.READ)
            .input(Schema.object().required("scopes", Schema.array(Schema.string("s").enumOf("x", "y"), "scopes")))
            .handler((args, c) -> Result.ok(JsonNodeFactory.instance.objectNode())).build();
        ObjectNode many = JsonNodeFactory.instance.objectNode();
        var scopes = many.putArray("scopes");
        for (int i = 0; i < 100_000; i++) {
            scopes.add("bad-" + "z".repeat(50) + i);
        }
        ObjectNode e = ToolInvoker.envelope(new ToolInvoker(SafetyPolicy.DEFAULT).run("t", a, many, null),
            new RateLimits());
        String message = e.path("error").path("message").asText();
        assertEquals("validation", e.path("error").path("type").asText());
        assertTrue(message.length() < 1500, message.length() + ": " + message);
        assertTrue(message.contains("'scopes[0]' must be one of x, y") && message.endsWith("(100000 in all)"), message);
        Action talks = Action.builder("a").description("d.").effect(Effect.READ).handler((args, c) -> {
            throw new ActionException(ErrorType.UPSTREAM, "x".repeat(1_000_000));
        }).build();
        assertTrue(ToolInvoker.envelope(new ToolInvoker(SafetyPolicy.DEFAULT).run("t", talks, args("{}"), null),
            new RateLimits()).toString().length() < 2200, "a long message is cut");
    }

    @Test
    void envelopeCarriesRateLimitsAndRevealsOnlyTheMarkedSecret() {
        RateLimits limits = new RateLimits();
        limits.recordHub(new RateLimits.Snapshot(180L, 179L, 1700000000L, null, "hub", Instant.now()));
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("token", "dckr_pat_newlycreated12345")
            .put("again", "dckr_pat_newlycreated12345");
        ObjectNode e = ToolInvoker.envelope(Result.ok(201, data).revealingSecretAt("/token"), limits);
        assertEquals(201, e.path("status_code").asInt());
        assertEquals("dckr_pat_newlycreated12345", e.path("data").path("token").asText());
        assertEquals("[REDACTED]", e.path("data").path("again").asText());
        assertEquals(179, e.path("rate_limit").path("remaining").asInt());
    }

    @Test
    void aWholeCallAnswersWithTheEnvelopeAndTurnsAnyCrashIntoTheOneInternalError() throws Exception {
        RateLimits limits = new RateLimits();
        limits.recordHub(new RateLimits.Snapshot(180L, 17L, 1700000000L, null, "hub", Instant.now()));
        ToolInvoker invoker = new ToolInvoker(SafetyPolicy.DEFAULT, limits);
        ToolInvoker.Answer ok = invoker.invoke("hub_x", () -> invoker.run("hub_x act", action(Effect.READ, false),
            JsonNodeFactory.instance.objectNode(), null));
        assertFalse(ok.isError());
        assertEquals(17, ok.envelope().path("rate_limit").path("remaining").asInt());
        ToolInvoker.Answer crash = invoker.invoke("hub_x", () -> {
            throw new IllegalStateException("dckr_pat_abcdefghijklmnop in a stack");
        });
        assertTrue(crash.isError());
        assertEquals("hub_x failed unexpectedly (an internal error; the server log has the details)",
            crash.envelope().path("error").path("message").asText());
        assertFalse(crash.envelope().toString().contains("dckr_pat_"));
        assertEquals("internal", invoker.invoke("hub_x", () -> null).envelope().path("error").path("type").asText());
    }
}
