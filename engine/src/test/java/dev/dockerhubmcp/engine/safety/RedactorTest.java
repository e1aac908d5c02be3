package dev.dockerhubmcp.engine.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.engine.ToolInvoker;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {
    private static final ObjectMapper M = new ObjectMapper();
    static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6OTl9.c2lnbmF0dXJlLXNpZw";
    static final String PAT = "dckr_pat_7awgM4jG5SQvxcvmNzhKj8PQjxo";
    static final String OAT = "dckr_oat_Ab3-x_Yz9";
    static final String BASIC = "YWxpY2U6czNjcjN0";

    private static JsonNode json(String s) {
        try {
            return M.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void assertClean(String s) {
        for (String secret : new String[] {JWT, PAT, OAT, BASIC, "hunter2", "s3cr3t"}) {
            assertFalse(s.contains(secret), "leaked " + secret + " in " + s);
        }
    }

    @Test
    void secretKeysAreRedactedWhateverTheirSpelling() {
        JsonNode out = Redactor.json(json("""
            {"token":"abc","access_token":"abc","refreshToken":"abc","ID-TOKEN":"abc","password":"hunter2",
             "Secret":"s3cr3t","client_secret":"x","Authorization":"Token abc","x-registry-auth":"e30=",
             "identitytoken":"x","auth":"YWxpY2U6czNjcjN0","scim_token":"x","apiKey":"x",
             "token_label":"ci","is_secret_scanning":true,"token_count":3,"nested":[{"jwt":"x"}],
             "empty_token_stays":{"token":""},"nothing":{"password":null},"flag":{"secret":false}}
            """));
        for (String k : new String[] {"token", "access_token", "refreshToken", "ID-TOKEN", "password", "Secret",
            "client_secret", "Authorization", "x-registry-auth", "identitytoken", "auth", "scim_token", "apiKey"}) {
            assertEquals(Redactor.MARK, out.path(k).asText(), k);
        }
        assertEquals("ci", out.path("token_label").asText(), "a label is not a secret");
        assertTrue(out.path("is_secret_scanning").asBoolean());
        assertEquals(3, out.path("token_count").asInt());
        assertEquals(Redactor.MARK, out.path("nested").path(0).path("jwt").asText());
        assertEquals("", out.path("empty_token_stays").path("token").asText(), "an empty listing value stays empty");
        assertTrue(out.path("nothing").path("password").isNull());
        assertFalse(out.path("flag").path("secret").asBoolean());
    }

    @Test
    void secretValuesAreRedactedUnderAnyKey() {
        JsonNode out = Redactor.json(json("{\"description\":\"use " + PAT + " to log in\",\"note\":\"" + JWT
            + "\",\"list\":[\"" + OAT + "\"],\"h\":\"Basic " + BASIC + "\",\"b\":\"bearer " + PAT.substring(9)
            + "\"}"));
        assertClean(out.toString());
        assertEquals("use " + Redactor.MARK + " to log in", out.path("description").asText());
        assertEquals("Basic " + Redactor.MARK, out.path("h").asText());
        assertEquals("Bearer " + Redactor.MARK, out.path("b").asText());
    }

    @Test
    void textRedactionCoversLogShapes() {
        String line = "POST /v2/auth/token {\"identifier\":\"alice\",\"secret\":\"s3cr3t\"} -> Authorization: Bearer "
            + JWT + " url=https://x/?password=hunter2&page=2 token=" + PAT;
        String r = Redactor.text(line);
        assertClean(r);
        assertTrue(r.contains("\"identifier\":\"alice\""), r);
        assertTrue(r.contains("\"secret\":\"[REDACTED]\""), r);
        assertTrue(r.contains("page=2"), r);
        assertTrue(r.contains("password=[REDACTED]"), r);
    }

    @Test
    void proseIsLeftAlone() {
        for (String s : new String[] {"HTTP Basic authentication failed", "Bearer realm=\"https://auth.docker.io/token\","
            + "service=\"registry.docker.io\"", "token_label=ci", "the token has expired", "sha256:"
            + "a".repeat(64), "page=3&page_size=100"}) {
            assertEquals(s, Redactor.text(s));
        }
        assertEquals(null, Redactor.text(null));
        assertEquals("", Redactor.text(""));
    }

    @Test
    void oneRevealPointerShowsOneValueOnly() {
        JsonNode data = json("{\"token\":\"" + PAT + "\",\"token_label\":\"ci\",\"copy\":\"" + PAT
            + "\",\"creator\":{\"token\":\"" + OAT + "\"},\"jwt\":\"" + JWT + "\"}");
        JsonNode out = Redactor.json(data, "/token");
        assertEquals(PAT, out.path("token").asText(), "the revealed value");
        assertEquals(Redactor.MARK, out.path("copy").asText(), "the same secret elsewhere is still hidden");
        assertEquals(Redactor.MARK, out.path("creator").path("token").asText());
        assertEquals(Redactor.MARK, out.path("jwt").asText());
        assertEquals(PAT, data.path("token").asText(), "the input is not changed");
    }

    @Test
    void aPointerToAnObjectOrNowhereRevealsNothing() {
        JsonNode data = json("{\"t\":{\"token\":\"" + PAT + "\"}}");
        assertClean(Redactor.json(data, "").toString());
        assertClean(Redactor.json(data, "/t").toString());
        assertClean(Redactor.json(data, "/missing").toString());
        assertClean(Redactor.json(data, "t/token").toString());
        assertEquals(PAT, Redactor.json(data, "/t/token").path("t").path("token").asText());
    }

    @Test
    void envelopeRedactsDataErrorsWarningsAndHeaders() {
        ObjectNode data = M.createObjectNode().put("token", PAT).put("label", "ci").put("echo", JWT);
        Result ok = Result.ok(data).withHeaders(Map.of("Authorization", "Bearer " + JWT, "Location",
            "/v2/x/blobs/uploads/1?_state=" + JWT, "Www-Authenticate", "Bearer realm=\"https://auth/token\""))
            .withWarning("retried with " + OAT).revealingSecretAt("/token");
        ObjectNode env = ToolInvoker.envelope(ok, new RateLimits());
        assertEquals(PAT, env.path("data").path("token").asText(), "the one reveal");
        assertEquals(Redactor.MARK, env.path("data").path("echo").asText());
        assertEquals(Redactor.MARK, env.path("headers").path("Authorization").asText());
        assertFalse(env.path("headers").path("Location").asText().contains(JWT));
        assertEquals("Bearer realm=\"https://auth/token\"", env.path("headers").path("Www-Authenticate").asText());
        assertEquals("retried with " + Redactor.MARK, env.path("warnings").path(0).asText());

        Result err = Result.error(new ActionError(ErrorType.UNAUTHORIZED, "refused Bearer " + JWT + " for alice", 401,
            null, json("{\"detail\":\"bad " + PAT + "\",\"password\":\"hunter2\"}")));
        ObjectNode errEnv = ToolInvoker.envelope(err, new RateLimits());
        assertClean(errEnv.toString());
        assertTrue(errEnv.path("error").path("message").asText().contains("alice"));
    }

    @Test
    void revealIsNeverAppliedToErrorsOrWarnings() {
        Result r = Result.ok(M.createObjectNode().put("token", PAT)).withWarning("the token is " + PAT)
            .revealingSecretAt("/token");
        ObjectNode env = ToolInvoker.envelope(r, new RateLimits());
        assertEquals(PAT, env.path("data").path("token").asText());
        assertClean(env.path("warnings").toString());
    }
    @Test
    void registeredSecretsAreRedactedByValueInEveryForm() {
        String pw = "plainPassword" + System.nanoTime();
        dev.dockerhubmcp.engine.http.Credentials.of("canary", pw, "test");
        String basic = java.util.Base64.getEncoder().encodeToString(("canary:" + pw).getBytes());
        String out = Redactor.text("hub said: wrong " + pw + " / Basic-ish " + basic + " / url "
            + java.net.URLEncoder.encode(pw + " x", java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(out.contains(pw), out);
        assertFalse(out.contains(basic), out);
        assertTrue(out.contains("hub said: wrong [REDACTED]"), out);
        JsonNode tree = Redactor.values(new ObjectMapper().createObjectNode().put("description", "is " + pw));
        assertEquals("is [REDACTED]", tree.path("description").asText());
    }

    @Test
    void shortValuesAreNotRedactedByValue() {
        Redactor.register("acme");
        Redactor.register("abcdefg"); // 7: below the minimum
        assertEquals("acme/abcdefg", Redactor.text("acme/abcdefg"));
    }

    @Test
    void jwtSegmentsAndCutJwtsAreRedacted() {
        String header = "eyJhbGciOiJSUzI1NiJ9";
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
            ("{\"sub\":\"" + System.nanoTime() + "\",\"iss\":\"x\"}").getBytes());
        String sig = "c2lnbmF0dXJlLW9mLXRoZS1qd3Q" + System.nanoTime();
        Redactor.registerJwt(header + "." + payload + "." + sig, false);
        assertFalse(Redactor.text("sig " + sig).contains(sig));
        String another = header + ".eyJzdWIiOiJhbm90aGVyIn0.c2lnbmF0dXJlLW9mLWFub3RoZXI";
        assertEquals(another, Redactor.values(another), "a header is shared by every token: another token is intact");
        String cut = (header + "." + payload).substring(0, header.length() + 10);
        String unknownCut = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6";
        assertFalse(Redactor.text("cut at 200: " + cut).contains(cut));
        assertFalse(Redactor.text("cut at 200: " + unknownCut).contains("eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6"));
    }

    @Test
    void registryTokensAreForgottenOldestFirst() {
        String first = "opaqueRegistryToken-first-" + System.nanoTime();
        Redactor.registerTransient(first);
        assertEquals("[REDACTED]", Redactor.text(first));
        for (int i = 0; i < Redactor.MAX_TRANSIENT + 1; i++) {
            Redactor.registerTransient("opaqueRegistryToken-" + i + "-" + System.nanoTime());
        }
        assertEquals(first, Redactor.text(first), "bounded: the oldest short-lived secret is dropped");
    }

    @Test
    void errorBodiesAreRedactedBeforeTheyAreCut() {
        String secret = "opaqueScimToken" + System.nanoTime();
        Redactor.register(secret);
        String body = "x".repeat(190) + secret;
        ActionError e = dev.dockerhubmcp.engine.http.HttpEngine.statusError("hub", 500,
            java.net.http.HttpHeaders.of(Map.of("content-type", java.util.List.of("text/plain")), (a, b) -> true),
            body.getBytes());
        assertFalse(e.message().contains(secret.substring(0, 10)), e.message());
    }
}
