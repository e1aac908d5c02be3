package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginTest {
    static final String LOGIN = "/v2/users/login";
    static final String TWO_FA = "/v2/users/2fa-login";
    static final String ARGS = "{\"username\":\"bob\",\"password\":\"hunter22\"}";
    static final String CHALLENGE = Samples.jwt("2fa-challenge", Instant.now().plusSeconds(300));
    private final MutableClock clock = new MutableClock(Instant.now());
    private final AuthPlugin plugin = new AuthPlugin();
    private final HubFixture f = HubFixture.builder(plugin).clock(clock).build();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void successShowsIdentityNeverTheJwt() throws Exception {
        String jwt = Samples.jwt("bob", Instant.now().plusSeconds(600));
        f.hub().on("POST", LOGIN).respond(200, "{\"token\":\"" + jwt + "\"}");
        Result r = f.call("login", ARGS);
        RecordedRequest req = f.onlyRequest();
        assertEquals("POST", req.method());
        assertEquals(LOGIN, req.path());
        assertEquals(Samples.JSON.readTree("{\"username\":\"bob\",\"password\":\"hunter22\"}"), req.json());
        assertTrue(req.header("authorization").isEmpty());
        ObjectNode env = f.envelope(r);
        assertTrue(env.get("data").get("authenticated").asBoolean());
        assertEquals("bob", env.get("data").get("username").asText());
        assertFalse(env.toString().contains(jwt));
        assertFalse(env.toString().contains("hunter22"));
        assertFalse(env.toString().contains("eyJ"));
    }

    @Test
    void secondFactorIsAnAnswerAndTheChallengeStaysInside() throws Exception {
        f.hub().on("POST", LOGIN).respond(401, "{\"detail\":\"Require secondary authentication on MFA enabled account\","
            + "\"login_2fa_token\":\"" + CHALLENGE + "\"}");
        Result r = f.call("login", ARGS);
        assertFalse(r.isError(), () -> String.valueOf(f.envelope(r)));
        ObjectNode env = f.envelope(r);
        JsonNode data = env.get("data");
        assertFalse(data.get("authenticated").asBoolean());
        assertTrue(data.get("second_factor_required").asBoolean());
        assertTrue(data.get("next").asText().contains("two_factor_login"));
        assertFalse(env.toString().contains(CHALLENGE), "the caller never sees the challenge token");
        assertFalse(data.has("login_2fa_token"));
        assertEquals(0, f.hub().mintCount(), "no JWT of ours is involved");

        String jwt = Samples.jwt("bob", Instant.now().plusSeconds(600));
        f.hub().on("POST", TWO_FA).respond(200, "{\"token\":\"" + jwt + "\"}");
        Result done = f.call("two_factor_login", "{\"username\":\"bob\",\"code\":\"123456\"}");
        assertFalse(done.isError(), () -> String.valueOf(f.envelope(done)));
        RecordedRequest req = f.hub().requests("POST", TWO_FA).get(0);
        assertEquals(Samples.JSON.readTree("{\"login_2fa_token\":\"" + CHALLENGE + "\",\"code\":\"123456\"}"),
            req.json());
        assertTrue(f.envelope(done).get("data").get("authenticated").asBoolean());
        assertFalse(f.envelope(done).toString().contains(jwt));

        f.hub().clearRequests();
        Result again = f.call("two_factor_login", "{\"username\":\"bob\",\"code\":\"123456\"}");
        assertEquals(ErrorType.VALIDATION, again.error().type(), "a challenge is used once");
        assertEquals(0, f.hub().requests().size());
    }

    @Test
    void theChallengeExpires() {
        f.hub().on("POST", LOGIN).respond(401, "{\"detail\":\"2fa\",\"login_2fa_token\":\"" + CHALLENGE + "\"}");
        f.ok("login", ARGS);
        clock.advance(TwoFactorChallenges.LIFETIME.plus(Duration.ofSeconds(1)));
        f.hub().clearRequests();
        Result r = f.call("two_factor_login", "{\"username\":\"bob\",\"code\":\"123456\"}");
        assertEquals(ErrorType.VALIDATION, r.error().type());
        assertTrue(r.error().message().contains("call login first"), r.error().message());
        assertEquals(0, f.hub().requests().size());
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        f.hub().on("POST", LOGIN).respond(401, "{\"detail\":\"Incorrect authentication credentials\"}");
        Result r = f.call("login", ARGS);
        assertEquals(ErrorType.UNAUTHORIZED, r.error().type());
        assertTrue(r.error().message().contains("Incorrect authentication credentials"));
        assertEquals(0, f.hub().mintCount());
        assertEquals(1, f.hub().requests("POST", LOGIN).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"username\":\"bob\"}|'password' is required",
        "{\"password\":\"x\"}|'username' is required",
        "{\"username\":\"bob\",\"password\":\"\"}|'password' must be at least 1",
        "{\"username\":\"bob\",\"password\":\"x\",\"otp\":\"1\"}|'otp'"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("login", args, message);
    }

    @Test
    void notFound() {
        f.notFound("login", ARGS, "POST", LOGIN);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("login", ARGS, "POST", LOGIN, FakeResponse.json(200, "{\"token\":\""
            + Samples.jwt("bob", Instant.now().plusSeconds(600)) + "\"}"));
    }
}
