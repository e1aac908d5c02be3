package dev.dockerhubmcp.plugins.teams;

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
 * Every hub_teams action once, with realistic arguments, against Prism serving the official Hub OpenAPI document in
 * validating mode: the requests we send must break no rule of the contract (path, query, body, auth header).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsPrismContractTest {
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
        "list          | {\"org\":\"myorganization\",\"search\":\"dev\",\"username\":\"jonsnow\",\"page\":1,"
            + "\"page_size\":25} | true",
        "list          | {\"org\":\"myorganization\",\"all_pages\":true,\"max_items\":5} | true",
        "create        | {\"org\":\"myorganization\",\"name\":\"developers\","
            + "\"description\":\"Development team\"} | false",
        "get           | {\"org\":\"myorganization\",\"team\":\"developers\"} | false",
        "update        | {\"org\":\"myorganization\",\"team\":\"developers\",\"name\":\"engineers\","
            + "\"description\":\"Engineering\"} | false",
        "patch         | {\"org\":\"myorganization\",\"team\":\"developers\",\"description\":\"Backend\"} | false",
        "delete        | {\"org\":\"myorganization\",\"team\":\"developers\"} | false",
        "list_members  | {\"org\":\"myorganization\",\"team\":\"developers\",\"search\":\"jon\",\"page\":1,"
            + "\"page_size\":10} | true",
        "add_member    | {\"org\":\"myorganization\",\"team\":\"developers\",\"member\":\"jonsnow\"} | false",
        "remove_member | {\"org\":\"myorganization\",\"team\":\"developers\",\"username\":\"jonsnow\"} | false",
    })
    void actionKeepsTheContract(String action, String args, boolean responseDefect) {
        int mark = prism.violations().size();
        Result r = harness.call(new TeamsPlugin(), action, args);
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
     * the document, not of our request: the group lists' examples give {@code next: null} for a string property.
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
