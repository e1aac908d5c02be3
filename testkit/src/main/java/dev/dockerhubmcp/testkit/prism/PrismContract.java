package dev.dockerhubmcp.testkit.prism;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;

import java.util.List;
import java.util.function.Consumer;

/**
 * A plugin's Hub actions checked against the official Hub OpenAPI document: Prism in validating mode and an
 * {@link ActionHarness} pointed at it. One call per action with realistic arguments; Prism must log no request
 * violation.
 *
 * <pre>{@code
 * @BeforeAll void start() { contract = PrismContract.start(h -> h.credentials("alice", "dckr_pat_x")); }
 * @AfterAll void stop() { contract.close(); }
 * @ParameterizedTest ... void keepsTheContract(String action, String args, boolean responseDefect) {
 *     contract.assertKeepsContract(new TeamsPlugin(), action, args, responseDefect);
 * }
 * }</pre>
 */
public final class PrismContract implements AutoCloseable {
    private final PrismServer prism;
    private final ActionHarness harness;

    private PrismContract(PrismServer prism, ActionHarness harness) {
        this.prism = prism;
        this.harness = harness;
    }

    /** Starts Prism and a harness (destructive actions allowed) configured further by {@code configure}. */
    public static PrismContract start(Consumer<ActionHarness.Builder> configure) {
        PrismServer prism = PrismServer.start();
        try {
            ActionHarness.Builder b = ActionHarness.builder().hub(prism.url()).allowDestructive(true);
            configure.accept(b);
            return new PrismContract(prism, b.build());
        } catch (RuntimeException e) {
            prism.close();
            throw e;
        }
    }

    public PrismServer prism() {
        return prism;
    }

    public ActionHarness harness() {
        return harness;
    }

    /** The request violations Prism logged for one call. */
    public List<String> violationsOf(DockerHubPlugin plugin, String action, String args) {
        PrismServer.Mark mark = prism.mark();
        harness.call(plugin, action, args);
        return prism.violationsSince(mark);
    }

    /**
     * Calls one action and fails (AssertionError) when Prism logged a request violation. With {@code responseDefect}
     * the document's own example answer for the operation breaks its schema, so the call must fail on the response
     * side only; otherwise it must succeed.
     *
     * @return the envelope
     */
    public ObjectNode assertKeepsContract(DockerHubPlugin plugin, String action, String args, boolean responseDefect) {
        PrismServer.Mark mark = prism.mark();
        Result r = harness.call(plugin, action, args);
        ObjectNode env = harness.envelope(r);
        List<String> violations = prism.violationsSince(mark);
        if (!violations.isEmpty()) {
            throw new AssertionError(action + " broke the contract: " + violations + "\n" + env + "\n"
                + prism.logTail());
        }
        if (responseDefect && !(r.isError() && responseDefect(env))) {
            throw new AssertionError(action + ": expected Prism to refuse only its own example answer: " + env);
        }
        if (!responseDefect && r.isError()) {
            throw new AssertionError(action + " failed against Prism: " + env + "\n" + prism.logTail());
        }
        return env;
    }

    /**
     * True when Prism refused only its own generated answer (every validation problem located in the response): a
     * defect of the document, not of our request.
     */
    public static boolean responseDefect(JsonNode env) {
        JsonNode validation = env.path("error").path("details").path("validation");
        if (!validation.isArray() || validation.isEmpty()) {
            return false;
        }
        for (JsonNode v : validation) {
            if (!"response".equals(v.path("location").path(0).asText())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            harness.close();
        } finally {
            prism.close();
        }
    }
}
