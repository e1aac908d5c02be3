package dev.dockerhubmcp.plugins.audit;

import dev.dockerhubmcp.testkit.prism.PrismContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every hub_audit action once, with realistic arguments, against Prism serving the official Hub OpenAPI document in
 * validating mode: the requests we send must break no rule of the contract (path, query, body, auth header).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPrismContractTest {
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
        "logs    | {\"account\":\"myorganization\",\"event_action\":\"repo.tag.push\",\"name\":\"myorganization/web\","
            + "\"actor\":\"jonsnow\",\"from\":\"2024-05-01\",\"to\":\"2024-05-31T18:00:00+02:00\",\"page\":1,"
            + "\"page_size\":50} | false",
        "logs    | {\"account\":\"myorganization\",\"all_pages\":true,\"max_items\":5} | false",
        "logs    | {\"account\":\"myorganization\",\"from\":\"2024-05-01\",\"to\":\"2024-05-31\"} | false",
        "actions | {\"account\":\"myorganization\"} | false",
    })
    void actionKeepsTheContract(String action, String args, boolean responseDefect) {
        contract.assertKeepsContract(new AuditPlugin(), action, args, responseDefect);
    }
}
