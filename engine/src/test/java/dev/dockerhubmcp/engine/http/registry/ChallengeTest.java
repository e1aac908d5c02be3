package dev.dockerhubmcp.engine.http.registry;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChallengeTest {

    @Test
    void dockerHubBearerChallenge() {
        List<Challenge> cs = Challenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
            + "scope=\"repository:library/nginx:pull\"");
        assertEquals(1, cs.size());
        Challenge c = cs.get(0);
        assertTrue(c.bearer());
        assertEquals("https://auth.docker.io/token", c.realm().orElseThrow());
        assertEquals("registry.docker.io", c.service().orElseThrow());
        assertEquals(List.of("repository:library/nginx:pull"), c.scopes());
    }

    @Test
    void quotedCommasSeveralScopesErrorsAndSpacing() {
        Challenge c = Challenge.parse("bearer  realm = \"https://a.example/t?x=1,2\" , service=\"svc, with comma\","
            + " scope=\"repository:a/b:pull,push repository:c/d:pull\", error=\"insufficient_scope\"").get(0);
        assertEquals("bearer", c.scheme());
        assertEquals("https://a.example/t?x=1,2", c.realm().orElseThrow());
        assertEquals("svc, with comma", c.service().orElseThrow());
        assertEquals(List.of("repository:a/b:pull,push", "repository:c/d:pull"), c.scopes());
        assertEquals("insufficient_scope", c.error().orElseThrow());
    }

    @Test
    void severalChallengesInOneHeaderAndEscapes() {
        List<Challenge> cs = Challenge.parse("Basic realm=\"Registry \\\"Realm\\\"\", Bearer realm=\"https://x/t\","
            + "service=reg");
        assertEquals(2, cs.size());
        assertTrue(cs.get(0).basic());
        assertEquals("Registry \"Realm\"", cs.get(0).realm().orElseThrow());
        assertEquals("reg", cs.get(1).service().orElseThrow(), "token values need no quotes");
        assertTrue(Challenge.preferred(cs).orElseThrow().bearer(), "bearer is preferred");
    }

    @Test
    void severalHeadersAndGarbage() {
        List<Challenge> cs = Challenge.parseAll(List.of("Basic realm=\"r\"", "Bearer realm=\"https://t\""));
        assertEquals(2, cs.size());
        assertTrue(Challenge.parse("").isEmpty());
        assertTrue(Challenge.parse(null).isEmpty());
        assertEquals("negotiate", Challenge.parse("Negotiate abc==").get(0).scheme());
    }
}
