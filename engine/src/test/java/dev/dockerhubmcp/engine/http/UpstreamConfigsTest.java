package dev.dockerhubmcp.engine.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpstreamConfigsTest {
    @TempDir
    Path home;

    @Test
    void defaultsWhenNothingIsSet() {
        UpstreamConfig c = UpstreamConfigs.fromEnvironment(Map.of(), home);
        assertEquals("https://hub.docker.com", c.hubUrl().toString());
        assertEquals("https://registry-1.docker.io", c.registryUrl().toString());
        assertEquals("https://auth.docker.io/token", c.registryAuthUrl().toString());
        assertEquals("https://api.scout.docker.com", c.scoutUrl().toString());
        assertTrue(c.sslVerify());
        assertEquals(Duration.ofSeconds(10), c.connectTimeout());
        assertEquals(Duration.ofSeconds(30), c.readTimeout());
        assertEquals(3, c.maxRetries());
        assertNull(c.scimToken());
        assertTrue(c.credentials().anonymous());
    }

    @Test
    void everyVariableIsRead() {
        Map<String, String> env = Map.ofEntries(
            Map.entry("DOCKERHUB_URL", "http://127.0.0.1:8080/"),
            Map.entry("DOCKER_REGISTRY_URL", "https://registry.example.com"),
            Map.entry("DOCKER_REGISTRY_AUTH_URL", "https://auth.example.com/token"),
            Map.entry("DOCKER_SCOUT_URL", "https://scout.example.com"),
            Map.entry("DOCKERHUB_SSL_VERIFY", "False"),
            Map.entry("DOCKERHUB_SCIM_TOKEN", "scim-secret"),
            Map.entry("DOCKERHUB_CONNECT_TIMEOUT", "2.5"),
            Map.entry("DOCKERHUB_READ_TIMEOUT", "45"),
            Map.entry("DOCKERHUB_MAX_RETRIES", "0"),
            Map.entry("DOCKER_HUB_USER", "alice"),
            Map.entry("DOCKER_HUB_TOKEN", "dckr_pat_x"));
        UpstreamConfig c = UpstreamConfigs.fromEnvironment(env, home);
        assertEquals("http://127.0.0.1:8080", c.hubUrl().toString());
        assertEquals("https://registry.example.com", c.registryUrl().toString());
        assertEquals("https://auth.example.com/token", c.registryAuthUrl().toString());
        assertEquals("https://scout.example.com", c.scoutUrl().toString());
        assertFalse(c.sslVerify());
        assertEquals("scim-secret", c.scimToken());
        assertEquals(Duration.ofMillis(2500), c.connectTimeout());
        assertEquals(Duration.ofSeconds(45), c.readTimeout());
        assertEquals(0, c.maxRetries());
        assertEquals("alice", c.credentials().identifier());
        assertEquals("DOCKER_HUB_USER/DOCKER_HUB_TOKEN", c.credentials().source());
    }

    @Test
    void badValuesNameTheVariable() {
        String[][] cases = {
            {"DOCKERHUB_URL", "hub.docker.com"},
            {"DOCKERHUB_URL", "ftp://hub.docker.com"},
            {"DOCKERHUB_URL", "https://exa mple.com"},
            {"DOCKERHUB_URL", "https://user:pw@hub.docker.com"},
            {"DOCKER_REGISTRY_URL", "https:///nohost"},
            {"DOCKER_SCOUT_URL", "https://scout.example.com/?x=1"},
            {"DOCKER_REGISTRY_AUTH_URL", "not a url"},
            {"DOCKERHUB_SSL_VERIFY", "maybe"},
            {"DOCKERHUB_CONNECT_TIMEOUT", "ten"},
            {"DOCKERHUB_CONNECT_TIMEOUT", "0"},
            {"DOCKERHUB_READ_TIMEOUT", "-5"},
            {"DOCKERHUB_READ_TIMEOUT", "99999"},
            {"DOCKERHUB_READ_TIMEOUT", "NaN"},
            {"DOCKERHUB_MAX_RETRIES", "-1"},
            {"DOCKERHUB_MAX_RETRIES", "11"},
            {"DOCKERHUB_MAX_RETRIES", "2.5"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UpstreamConfigs.fromEnvironment(Map.of(c[0], c[1]), home), c[0] + "=" + c[1]);
            assertTrue(e.getMessage().startsWith(c[0] + " "), e.getMessage());
        }
    }

    @Test
    void userInfoIsNotEchoedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> UpstreamConfigs.fromEnvironment(Map.of("DOCKERHUB_URL", "https://user:hunter2@hub.docker.com"), home));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void blankValuesKeepDefaults() {
        UpstreamConfig c = UpstreamConfigs.fromEnvironment(Map.of("DOCKERHUB_URL", " ", "DOCKERHUB_MAX_RETRIES", ""),
            home);
        assertEquals("https://hub.docker.com", c.hubUrl().toString());
        assertEquals(3, c.maxRetries());
    }

    @Test
    void sslVerifyAcceptsCommonSpellings() {
        for (String t : new String[] {"true", "1", "YES", "on"}) {
            assertTrue(UpstreamConfigs.fromEnvironment(Map.of("DOCKERHUB_SSL_VERIFY", t), home).sslVerify(), t);
        }
        for (String f : new String[] {"false", "0", "No", "OFF"}) {
            assertFalse(UpstreamConfigs.fromEnvironment(Map.of("DOCKERHUB_SSL_VERIFY", f), home).sslVerify(), f);
        }
    }
}
