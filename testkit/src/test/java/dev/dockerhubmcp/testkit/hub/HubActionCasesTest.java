package dev.dockerhubmcp.testkit.hub;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.testkit.FakeResponse;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class HubActionCasesTest {
    private static final String PATH = "/v2/orgs/acme/groups/dev";

    /** get_team sends GET /v2/orgs/{org}/groups/{team}; delete_team sends DELETE; the sloppy one adds a query. */
    private static DockerHubPlugin plugin(boolean sloppy) {
        Action get = Action.builder("get_team").description("Get a team.")
            .input(Schema.object().required("org", Schema.string("Org").pattern("^[a-z]+$"))
                .required("team", Schema.string("Team")))
            .effect(Effect.READ)
            .handler((args, ctx) -> {
                HubRequest.Builder b = HubRequest.get("/v2/orgs/{}/groups/{}", args.string("org"),
                    args.string("team"));
                if (sloppy) {
                    b.query("extra", "1");
                }
                return Result.ok(ctx.hub().send(b.build()).json());
            })
            .build();
        Action delete = Action.builder("delete_team").description("Delete a team.")
            .input(Schema.object().required("org", Schema.string("Org")).required("team", Schema.string("Team")))
            .effect(Effect.DESTRUCTIVE)
            .handler((args, ctx) -> Result.ok(ctx.hub().send(HubRequest.delete("/v2/orgs/{}/groups/{}",
                args.string("org"), args.string("team")).build()).status(), JsonNodeFactory.instance.objectNode()))
            .build();
        return new DockerHubPlugin() {
            public String id() {
                return "cases";
            }

            public String description() {
                return "HubActionCases test plugin";
            }

            public List<Action> actions() {
                return List.of(get, delete);
            }
        };
    }

    private static final String ARGS = "{\"org\":\"acme\",\"team\":\"dev\"}";

    @TestFactory
    Stream<DynamicTest> aCorrectActionPassesTheWholeTable() {
        return Stream.concat(
            HubActionCases.of(plugin(false), "get_team")
                .success(HubCall.of(ARGS, "GET", PATH, FakeResponse.json(200, "{\"name\":\"dev\"}")))
                .invalid("{\"team\":\"dev\"}", "org")
                .invalid("{\"org\":\"ACME\",\"team\":\"dev\"}", "org")
                .check(env -> assertEquals("dev", env.path("data").path("name").asText()))
                .cases(),
            HubActionCases.of(plugin(false), "delete_team")
                .success(HubCall.of(ARGS, "DELETE", PATH, FakeResponse.status(204)))
                .cases())
            .map(c -> dynamicTest(c.name(), c::run));
    }

    @Test
    void theTableHasEveryCase() {
        List<String> names = HubActionCases.of(plugin(false), "get_team")
            .success(HubCall.of(ARGS, "GET", PATH, FakeResponse.json(200, "{}"))).invalid("{}", "org").cases()
            .map(HubActionCases.Case::name).toList();
        assertEquals(6, names.size(), names::toString);
        List<String> scim = HubActionCases.of(plugin(false), "get_team")
            .success(HubCall.of(ARGS, "GET", PATH, FakeResponse.json(200, "{}"))).scim().cases()
            .map(HubActionCases.Case::name).toList();
        assertEquals(7, scim.size(), "no JWT re-mint; no token, refused token, scimType instead: " + scim);
    }

    @Test
    void anUnexpectedQueryFailsTheSuccessCase() {
        HubActionCases.Case success = HubActionCases.of(plugin(true), "get_team")
            .success(HubCall.of(ARGS, "GET", PATH, FakeResponse.json(200, "{}"))).cases().findFirst().orElseThrow();
        AssertionError e = assertThrows(AssertionError.class, success::run);
        assertTrue(e.getMessage().contains("query"), e.getMessage());
    }

    @Test
    void aFieldTheRefusalDoesNotNameFails() {
        HubActionCases.Case refused = HubActionCases.of(plugin(false), "get_team")
            .success(HubCall.of(ARGS, "GET", PATH, FakeResponse.json(200, "{}"))).invalid("{\"team\":\"dev\"}", "team")
            .cases().skip(1).findFirst().orElseThrow();
        assertThrows(AssertionError.class, refused::run);
    }

    @Test
    void aDestructiveActionMustBeRefused() {
        HubActionCases.Case gate = HubActionCases.of(plugin(false), "get_team")
            .success(HubCall.of(ARGS, "GET", PATH, FakeResponse.json(200, "{}"))).destructive(ARGS).cases()
            .reduce((a, b) -> b).orElseThrow();
        AssertionError e = assertThrows(AssertionError.class, gate::run, "get_team is READ: the gate lets it run");
        assertTrue(e.getMessage().contains("refused") || e.getMessage().contains("DESTRUCTIVE"), e.getMessage());
    }
}
