package dev.dockerhubmcp.plugins.scim;

import dev.dockerhubmcp.testkit.prism.PrismContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every hub_scim action once, with realistic arguments, against Prism serving the official Hub OpenAPI document in
 * validating mode: paths, query parameters, {@code application/scim+json} bodies and the bearerSCIMAuth header must
 * break no rule of the contract. Only a SCIM token is configured: SCIM needs no Hub credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimPrismContractTest {
    private PrismContract contract;

    @BeforeAll
    void start() {
        contract = PrismContract.start(h -> h.scimToken("scim-contract-token"));
    }

    @AfterAll
    void stop() {
        if (contract != null) {
            contract.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "service_provider_config | {}",
        "resource_types          | {}",
        "resource_type           | {\"name\":\"User\"}",
        "schemas                 | {}",
        "schema                  | {\"id\":\"urn:ietf:params:scim:schemas:core:2.0:User\"}",
        "list_users              | {\"startIndex\":1,\"count\":10,"
            + "\"filter\":\"userName eq \\\"jon.snow@docker.com\\\"\",\"attributes\":\"userName,displayName\","
            + "\"sortBy\":\"userName\",\"sortOrder\":\"ascending\"}",
        "list_users              | {\"all_pages\":true,\"max_items\":5}",
        "get_user                | {\"id\":\"d80f7c79-7730-49d8-9a41-7c42fb622d9c\"}",
        "create_user             | {\"userName\":\"jon.snow@docker.com\",\"name\":{\"givenName\":\"Jon\","
            + "\"familyName\":\"Snow\"}}",
        "update_user             | {\"id\":\"d80f7c79-7730-49d8-9a41-7c42fb622d9c\",\"name\":{\"givenName\":\"Jon\"}}",
        "update_user             | {\"id\":\"d80f7c79-7730-49d8-9a41-7c42fb622d9c\",\"enabled\":false}",
    })
    void actionKeepsTheContract(String action, String args) {
        contract.assertKeepsContract(new ScimPlugin(), action, args, false);
    }
}
