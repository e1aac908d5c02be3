package dev.dockerhubmcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Arguments;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.engine.http.CallDeadline;
import dev.dockerhubmcp.engine.runtime.SchemaCheck;
import dev.dockerhubmcp.engine.safety.Redactor;
import dev.dockerhubmcp.engine.safety.SafetyPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The one call pipeline the MCP server, the CLI's {@code call} and the testkit's harness all go through, so a
 * plugin's tests see exactly what an MCP client sees: arguments validated against the action's schema (nothing is
 * sent upstream when they are wrong), the safety policy applied to the effect of these arguments, the call deadline
 * started, the handler run, any failure turned into the one error shape (the only place where an unexpected one
 * becomes {@code internal}), and the envelope built and redacted.
 */
public final class ToolInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(ToolInvoker.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The longest error message an answer carries (longer ones are cut). */
    static final int MAX_MESSAGE = 2000;
    /** The largest upstream error details (as JSON text) an answer carries. */
    static final int MAX_DETAILS = 8000;

    private final SafetyPolicy policy;
    private final RateLimits rateLimits;

    /** @param rateLimits the process-wide view every success envelope shows */
    public ToolInvoker(SafetyPolicy policy, RateLimits rateLimits) {
        this.policy = requireNonNull(policy, "policy is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
    }

    public ToolInvoker(SafetyPolicy policy) {
        this(policy, new RateLimits());
    }

    public SafetyPolicy policy() {
        return policy;
    }

    /** What a caller answers with: the result and its envelope. */
    public record Answer(Result result, ObjectNode envelope) {
        public boolean isError() {
            return result.isError();
        }
    }

    /**
     * A whole tool call: {@code call} picks the action (a consolidated tool reads {@code action} and merges
     * parameters) and ends in {@link #run}; any failure nobody expected becomes the one {@code internal} error.
     *
     * @param label how to name the call in messages, e.g. the tool name
     */
    public Answer invoke(String label, Supplier<Result> call) {
        Result result;
        try {
            result = call.get();
            if (result == null) {
                result = Result.error(ErrorType.INTERNAL, label + ": the action returned no result");
            }
        } catch (ActionException e) {
            result = Result.error(e.error());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            result = unexpected(label, e);
        }
        return new Answer(result, envelope(result));
    }

    /**
     * Validates, gates and runs.
     *
     * @param label   how to name the call in messages, e.g. {@code hub_repos list_tags}
     * @param action  the action
     * @param rawArgs the arguments as received (not modified)
     * @param context the context for the handler
     */
    public Result run(String label, Action action, ObjectNode rawArgs, ActionContext context) {
        try {
            return runChecked(label, action, rawArgs, context);
        } catch (ActionException e) {
            return Result.error(e.error());
        } catch (Exception | LinkageError | StackOverflowError e) {
            return unexpected(label, e);
        }
    }

    private Result runChecked(String label, Action action, ObjectNode rawArgs, ActionContext context)
        throws Exception {
        ObjectNode args = rawArgs == null ? NODES.objectNode() : rawArgs.deepCopy();
        List<String> problems = SchemaCheck.check(action.inputSchema(), args);
        if (!problems.isEmpty()) {
            return Result.error(ErrorType.VALIDATION, label + ": " + SchemaCheck.summary(problems));
        }
        Arguments arguments = Arguments.of(args);
        Effect effect = action.effectFor(arguments);
        String refusal = policy.refusal(action, arguments);
        if (refusal != null) {
            ErrorType type = policy.readOnly() && (effect != Effect.READ || action.fileWrittenBy(arguments).isPresent())
                ? ErrorType.READ_ONLY : ErrorType.DESTRUCTIVE_REFUSED;
            String what = effect == Effect.DESTRUCTIVE && action.effect() != Effect.DESTRUCTIVE
                ? " (with these arguments it is destructive)" : "";
            return Result.error(type, label + " refused" + what + ": " + refusal);
        }
        try {
            Result result = CallDeadline.run(() -> action.handler().handle(arguments, context));
            if (result == null) {
                return Result.error(ErrorType.INTERNAL, label + ": the action returned no result");
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.error(ErrorType.INTERNAL, label + " was interrupted");
        }
    }

    /**
     * The one answer for a failure nobody expected: a generic {@code internal} error without any class name or
     * trace; what happened goes to the log (stderr), redacted.
     */
    private static Result unexpected(String label, Throwable e) {
        LOG.warn("{} failed: {}", label, Redactor.text(String.valueOf(e)));
        if (LOG.isDebugEnabled()) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            LOG.debug("{}", Redactor.text(trace.toString()));
        }
        return Result.error(ErrorType.INTERNAL, label + " failed unexpectedly (an internal error; the server log "
            + "has the details)");
    }

    /**
     * The envelope of a result: {@code {status_code, data, rate_limit, headers?, exists?, warnings?}} on success,
     * {@code {error: {type, message, status_code?, retry_after?, details?}}} on failure; redacted, except for the
     * one secret a result may reveal.
     */
    public ObjectNode envelope(Result result) {
        return envelope(result, rateLimits);
    }

    /** {@link #envelope(Result)} with a given rate-limit view (null: none seen). */
    public static ObjectNode envelope(Result result, RateLimits rateLimits) {
        ObjectNode out = NODES.objectNode();
        if (result.isError()) {
            ActionError e = result.error();
            ObjectNode err = out.putObject("error");
            err.put("type", e.type().wireName());
            err.put("message", bounded(Redactor.text(e.message()), MAX_MESSAGE));
            if (e.statusCode() != null) {
                err.put("status_code", e.statusCode());
            }
            if (e.retryAfter() != null) {
                err.put("retry_after", e.retryAfter());
            }
            if (e.details() != null && !e.details().isNull()) {
                JsonNode details = Redactor.json(e.details());
                if (details.toString().length() <= MAX_DETAILS) {
                    err.set("details", details);
                } else {
                    err.put("message", err.get("message").asText() + " (upstream details left out: too large)");
                }
            }
            return out;
        }
        out.put("status_code", result.statusCode());
        if (result.exists() != null) {
            out.put("exists", result.exists());
        }
        JsonNode data = result.data();
        String reveal = result.revealedSecret() == null ? null : result.revealedSecret();
        out.set("data", Redactor.json(data, reveal));
        out.set("rate_limit", (rateLimits == null ? RateLimits.Snapshot.EMPTY : rateLimits.hub()).toJson());
        if (!result.headers().isEmpty()) {
            ObjectNode h = out.putObject("headers");
            for (Map.Entry<String, String> e : result.headers().entrySet()) {
                h.put(e.getKey(), Redactor.secretKey(e.getKey()) ? Redactor.MARK : Redactor.text(e.getValue()));
            }
        }
        if (!result.warnings().isEmpty()) {
            out.set("warnings", NODES.arrayNode().addAll(result.warnings().stream()
                .map(w -> (JsonNode) NODES.textNode(Redactor.text(w))).toList()));
        }
        return out;
    }

    /** {@code text} cut to {@code max} characters with an ellipsis. */
    public static String bounded(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
