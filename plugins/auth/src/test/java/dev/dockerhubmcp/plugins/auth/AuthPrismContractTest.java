package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.prism.PrismServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hub_auth action (all 13 are in the official document) called once with realistic arguments against Prism
 * serving the document in validating mode: no call may produce a request violation.
 */
class AuthPrismContractTest {
    private static PrismServer prism;
    private static ActionHarness harness;

    @BeforeAll
    static void start() {
        prism = PrismServer.start();
        harness = ActionHarness.builder().hub(prism.url()).credentials("alice", "dckr_pat_contract")
            .allowDestructive(true).build();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
        if (prism != null) {
            prism.close();
        }
    }

    static final String UUID = "b30bbf97-506c-4ecd-aabc-842f3cb484fb";
    static final String OAT = "a7a5ef25-8889-43a0-8cc7-f2a94268e861";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "create_token|{\"identifier\":\"myusername\",\"secret\":\"dckr_pat_124509ugsdjga93\"}",
        "login|{\"username\":\"myusername\",\"password\":\"dckr_pat_124509ugsdjga93\"}",
        "two_factor_login|{\"login_2fa_token\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln\",\"code\":\"123456\"}",
        "list_pats|{\"page\":2,\"page_size\":25}",
        "get_pat|{\"uuid\":\"" + UUID + "\"}",
        "create_pat|{\"token_label\":\"My read only token\",\"scopes\":[\"repo:read\"],\"expires_at\":\"2031-10-28T18:30:19Z\"}",
        "update_pat|{\"uuid\":\"" + UUID + "\",\"token_label\":\"renamed\",\"is_active\":false}",
        "delete_pat|{\"uuid\":\"" + UUID + "\"}",
        "list_oats|{\"org\":\"myorganization\",\"page\":1,\"page_size\":10}",
        "get_oat|{\"org\":\"myorganization\",\"id\":\"" + OAT + "\"}",
        "create_oat|{\"org\":\"myorganization\",\"label\":\"My organization token\",\"description\":\"Token for CI/CD pipeline\",\"expires_at\":\"2031-05-20T00:54:18Z\",\"resources\":[{\"type\":\"TYPE_REPO\",\"path\":\"myorg/myrepo\",\"scopes\":[\"repo-pull\"]}]}",
        "update_oat|{\"org\":\"myorganization\",\"id\":\"" + OAT + "\",\"label\":\"renamed\",\"is_active\":true,\"resources\":[{\"type\":\"TYPE_ORG\",\"path\":\"myorganization\",\"scopes\":[\"member-read\"]}]}",
        "delete_oat|{\"org\":\"myorganization\",\"id\":\"" + OAT + "\"}"})
    void everyActionKeepsTheContract(String action, String args) {
        PrismServer.Mark mark = prism.mark();
        Result r = harness.call(new AuthPlugin(), action, args);
        assertEquals(List.of(), prism.violationsSince(mark), action + " broke the contract:\n" + prism.logTail());
        String log = prism.logTail();
        assertTrue(log.contains("The request passed the validation rules"), log);
        if (r.isError()) {
            assertResponseDefectOnly(action, r);
        }
    }

    /** Tolerates only Prism's 500 for an answer the document's own examples make invalid (response side). */
    static void assertResponseDefectOnly(String action, Result r) {
        assertEquals(500, r.error().statusCode(), () -> action + " failed: " + r.error());
        JsonNode validation = r.error().details() == null ? null : r.error().details().path("validation");
        assertTrue(validation != null && validation.isArray() && !validation.isEmpty(), () -> action + ": " + r.error());
        for (JsonNode v : validation) {
            assertEquals("response", v.path("location").path(0).asText(), () -> action + ": request-side: " + v);
        }
    }

    @Test
    void everyActionIsCovered() {
        Set<String> all = new AuthPlugin().actions().stream().map(Action::name)
            .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(13, all.size());
        assertFalse(all.isEmpty());
    }
}
