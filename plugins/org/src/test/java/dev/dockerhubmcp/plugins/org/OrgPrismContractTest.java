package dev.dockerhubmcp.plugins.org;

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
 * Every hub_org action once, with realistic arguments, against Prism serving the official Hub OpenAPI document in
 * validating mode: the requests we send must break no rule of the contract (path, query, body, auth header).
 * {@code list_members} is called without {@code search}, which the document types as an integer (see ListMembers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrgPrismContractTest {
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
        "get_settings    | {\"org\":\"myorganization\"} | false",
        "update_settings | {\"org\":\"myorganization\",\"restricted_images\":{\"enabled\":true,"
            + "\"allow_official_images\":true,\"allow_verified_publishers\":false}} | false",
        "list_members    | {\"org\":\"myorganization\",\"type\":\"member\",\"role\":\"editor\",\"invites\":true,"
            + "\"page\":2,\"page_size\":25} | false",
        "list_members    | {\"org\":\"myorganization\",\"all_pages\":true,\"max_items\":5} | false",
        "export_members  | {\"org\":\"myorganization\"} | true",
        "update_member   | {\"org\":\"myorganization\",\"username\":\"jonsnow\",\"role\":\"editor\"} | false",
        "remove_member   | {\"org\":\"myorganization\",\"username\":\"jonsnow\"} | false",
        "list_invites    | {\"org\":\"myorganization\"} | false",
        "delete_invite   | {\"id\":\"e36eca69-4cc8-4f17-9845-ae8c2b832691\"} | false",
        "resend_invite   | {\"id\":\"e36eca69-4cc8-4f17-9845-ae8c2b832691\"} | false",
        "bulk_invite     | {\"org\":\"myorganization\",\"invitees\":[\"jonsnow\",\"arya@example.com\"],"
            + "\"team\":\"developers\",\"role\":\"member\",\"dry_run\":true} | false",
    })
    void actionKeepsTheContract(String action, String args, boolean responseDefect) {
        int mark = prism.violations().size();
        Result r = harness.call(new OrgPlugin(), action, args);
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
     * The one known gap, kept visible: the document types list_members' {@code search} as an integer, so a text search
     * (what the parameter is for) is a violation. This also proves the contract check can fail.
     */
    @org.junit.jupiter.api.Test
    void textSearchOfMembersIsTheDocumentedDeviation() {
        int mark = prism.violations().size();
        harness.call(new OrgPlugin(), "list_members", "{\"org\":\"myorganization\",\"search\":\"jon\"}");
        List<String> violations = prism.violationsSince(mark);
        assertEquals(1, violations.size(), prism::logTail);
        org.junit.jupiter.api.Assertions.assertTrue(violations.get(0).contains("search"), violations.toString());
    }

    /**
     * True when Prism refused only its own generated answer (every violation located in the response), which is a
     * defect of the document, not of our request: the members export marks a column 'Role' required while naming it
     * 'Permission'.
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
