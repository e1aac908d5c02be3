package dev.dockerhubmcp.plugins.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.prism.PrismServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hub_audit action once, with realistic arguments, against Prism serving the official Hub OpenAPI document in
 * validating mode: the requests we send must break no rule of the contract (path, query, body, auth header).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPrismContractTest {
    private PrismServer prism;
    private ActionHarness harness;

    @BeforeAll
    void start() {
        prism = PrismServer.start();
        harness = ActionHarness.builder().hub(prism.url()).credentials("alice", "dckr_pat_contract")
            .allowDestructive(true).build();
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
        if (prism != null) {
            prism.close();
        }
    }

    /**
     * One action, once. {@code responseDefect}: the document's own example answer for this operation breaks its schema,
     * so Prism answers 500 about the response (never about our request, which is still checked).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "logs    | {\"account\":\"myorganization\",\"action\":\"repo.tag.push\",\"name\":\"myorganization/web\","
            + "\"actor\":\"jonsnow\",\"from\":\"2024-05-01\",\"to\":\"2024-05-31T18:00:00+02:00\",\"page\":1,"
            + "\"page_size\":50} | false",
        "logs    | {\"account\":\"myorganization\",\"all_pages\":true,\"max_items\":5} | false",
        "actions | {\"account\":\"myorganization\"} | false",
    })
    void actionKeepsTheContract(String action, String args, boolean responseDefect) {
        int mark = prism.violations().size();
        Result r = harness.call(new AuditPlugin(), action, args);
        JsonNode env = harness.envelope(r);
        List<String> violations = prism.violationsSince(mark);
        assertEquals(List.of(), violations, () -> action + " broke the contract: " + env + "\n" + prism.logTail());
        if (responseDefect) {
            assertTrue(r.isError() && responseDefect(env), () -> action + ": expected Prism to refuse only its own "
                + "example answer: " + env);
        } else {
            assertFalse(r.isError(), () -> action + " failed against Prism: " + env + "\n" + prism.logTail());
        }
    }

    /**
     * True when Prism refused only its own generated answer (every violation located in the response), a defect of
     * the document, not of our request.
     */
    static boolean responseDefect(JsonNode env) {
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
}
