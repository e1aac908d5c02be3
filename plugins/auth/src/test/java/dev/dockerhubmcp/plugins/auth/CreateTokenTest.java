package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHttpServer;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreateTokenTest {
    private static final String PATH = "/v2/auth/token";
    private static final String ARGS = "{\"identifier\":\"bob\",\"secret\":\"dckr_pat_bob_secret\"}";
    private final HubFixture f = HubFixture.start(new AuthPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void exchangesTheCredentialAndShowsOnlyIdentityAndExpiry() throws Exception {
        f.hub().user("bob", "dckr_pat_bob_secret");
        Result r = f.call("create_token", ARGS);
        assertFalse(r.isError(), () -> String.valueOf(f.envelope(r)));
        List<RecordedRequest> sent = f.hub().requests("POST", PATH);
        assertEquals(1, sent.size());
        RecordedRequest req = sent.get(0);
        assertEquals(Samples.JSON.readTree(ARGS), req.json());
        assertTrue(req.header("authorization").isEmpty(), "the check is anonymous");
        JsonNode data = f.envelope(r).get("data");
        assertTrue(data.get("authenticated").asBoolean());
        assertEquals("bob", data.get("username").asText());
        assertTrue(Instant.parse(data.get("expires_at").asText()).isAfter(Instant.now()));
        String text = f.envelope(r).toString();
        assertFalse(text.contains("eyJ"), "no JWT anywhere: " + text);
        assertFalse(text.contains("dckr_pat_bob_secret"), "no secret anywhere");
    }

    @Test
    void wrongCredentialIsUnauthorizedWithoutRetry() {
        f.hub().user("bob", "something-else");
        Result r = f.call("create_token", ARGS);
        assertEquals(ErrorType.UNAUTHORIZED, r.error().type());
        assertTrue(r.error().message().contains("'bob'"), r.error().message());
        assertFalse(f.envelope(r).toString().contains("dckr_pat_bob_secret"));
        assertEquals(1, f.hub().requests("POST", PATH).size(), "no re-mint: the credential is the caller's");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"identifier\":\"bob\"}|'secret' is required",
        "{\"secret\":\"x\"}|'identifier' is required",
        "{\"identifier\":\"bob\",\"secret\":\"\"}|'secret' must be at least 1",
        "{\"identifier\":\"b\",\"secret\":\"x\"}|'identifier' must be at least 2",
        "{\"identifier\":\"bob\",\"secret\":\"x\",\"scope\":\"all\"}|'scope'"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("create_token", args, message);
    }

    @Test
    void notFoundAndRateLimitFromAPlainServer() {
        // FakeHub answers its own token route, so a plain scripted server plays the Hub here.
        try (FakeHttpServer hub = FakeHttpServer.start();
             ActionHarness h = ActionHarness.builder().hub(hub.url()).build()) {
            String jwt = Samples.jwt("bob", Instant.now().plusSeconds(600));
            hub.on("POST", PATH).once(FakeResponse.tooManyRequests(0))
                .respond(200, "{\"access_token\":\"" + jwt + "\"}");
            Result ok = h.call(new AuthPlugin(), "create_token", ARGS);
            assertFalse(ok.isError(), () -> String.valueOf(h.envelope(ok)));
            assertEquals(2, hub.requests("POST", PATH).size(), "the 429 and the retry");
            assertFalse(h.envelope(ok).toString().contains(jwt));
            hub.on("POST", PATH).respond(404, "{\"message\":\"not found\"}");
            assertEquals(ErrorType.NOT_FOUND, h.call(new AuthPlugin(), "create_token", ARGS).error().type());
        }
    }
}
