package dev.dockerhubmcp.plugins.teams;

import dev.dockerhubmcp.testkit.prism.PrismContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every hub_teams action once, with realistic arguments, against Prism serving the official Hub OpenAPI document in
 * validating mode: the requests we send must break no rule of the contract (path, query, body, auth header).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsPrismContractTest {
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
        contract.assertKeepsContract(new TeamsPlugin(), action, args, responseDefect);
    }
}
