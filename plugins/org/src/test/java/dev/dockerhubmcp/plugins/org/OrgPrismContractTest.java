package dev.dockerhubmcp.plugins.org;

import dev.dockerhubmcp.testkit.prism.PrismContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hub_org action once, with realistic arguments, against Prism serving the official Hub OpenAPI document in
 * validating mode: the requests we send must break no rule of the contract (path, query, body, auth header).
 * {@code list_members} is called without {@code search}, which the document types as an integer (see ListMembers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrgPrismContractTest {
    private PrismContract contract;

    @BeforeAll
    void start() {
        contract = PrismContract.start(h -> h.credentials("alice", "dckr_pat_contract"));
    }

    @AfterAll
    void stop() {
        if (contract != null) {
            contract.close();
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
        contract.assertKeepsContract(new OrgPlugin(), action, args, responseDefect);
    }

    /**
     * The one known gap, kept visible: the document types list_members' {@code search} as an integer, so a text search
     * (what the parameter is for) is a violation. This also proves the contract check can fail.
     */
    @org.junit.jupiter.api.Test
    void textSearchOfMembersIsTheDocumentedDeviation() {
        List<String> violations = contract.violationsOf(new OrgPlugin(), "list_members",
            "{\"org\":\"myorganization\",\"search\":\"jon\"}");
        assertEquals(1, violations.size(), () -> contract.prism().logTail());
        org.junit.jupiter.api.Assertions.assertTrue(violations.get(0).contains("search"), violations.toString());
    }
}
