package dev.dockerhubmcp.plugins.auth;

import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwoFactorLoginTest {
    private static final String PATH = LoginTest.TWO_FA;
    private static final String EXPLICIT = "{\"login_2fa_token\":\"" + LoginTest.CHALLENGE + "\",\"code\":\"654321\"}";
    private final HubFixture f = HubFixture.start(new AuthPlugin());

    @AfterEach
    void close() {
        f.close();
    }

    private static FakeResponse ok() {
        return FakeResponse.json(200, "{\"token\":\"" + Samples.jwt("bob", Instant.now().plusSeconds(600)) + "\"}");
    }

    @Test
    void anExplicitChallengeTokenWorksWithoutUsername() throws Exception {
        f.hub().on("POST", PATH).respond(ok());
        Result r = f.call("two_factor_login", EXPLICIT);
        assertFalse(r.isError(), () -> String.valueOf(f.envelope(r)));
        assertEquals(Samples.JSON.readTree(EXPLICIT), f.onlyRequest().json());
        assertEquals("bob", f.envelope(r).get("data").get("username").asText());
        assertFalse(f.envelope(r).toString().contains("eyJ"));
    }

    @Test
    void aRefusedCodeIsUnauthorized() {
        f.hub().on("POST", PATH).respond(401, "{\"detail\":\"Incorrect authentication credentials\"}");
        Result r = f.call("two_factor_login", EXPLICIT);
        assertEquals(ErrorType.UNAUTHORIZED, r.error().type());
        assertTrue(r.error().message().contains("refused the code"));
        assertFalse(f.envelope(r).toString().contains(LoginTest.CHALLENGE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"username\":\"bob\"}|'code' is required",
        "{\"username\":\"bob\",\"code\":\"12345\"}|'code' does not match",
        "{\"username\":\"bob\",\"code\":\"abcdef\"}|'code' does not match",
        "{\"code\":\"123456\"}|'username' is required",
        "{\"username\":\"nobody\",\"code\":\"123456\"}|'username' 'nobody'"})
    void refusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork("two_factor_login", args, message);
    }

    @Test
    void notFound() {
        f.notFound("two_factor_login", EXPLICIT, "POST", PATH);
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429("two_factor_login", EXPLICIT, "POST", PATH, ok());
    }
}
