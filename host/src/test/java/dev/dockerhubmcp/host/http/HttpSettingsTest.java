package dev.dockerhubmcp.host.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpSettingsTest {

    @Test
    void defaults() {
        HttpSettings d = HttpSettings.defaults();
        assertEquals("127.0.0.1", d.host());
        assertEquals(8000, d.port());
        assertNull(d.authToken());
        assertFalse(d.allowUnauthenticated());
        assertEquals(4L * 1024 * 1024, d.maxRequestBytes());
        assertEquals(100, d.maxSessions());
        assertEquals(Duration.ofMinutes(30), d.idleTimeout());
        assertTrue(d.allowedOrigins().isEmpty());
        assertTrue(d.allowedHosts().isEmpty());
    }

    @Test
    void invalidValuesAreRefused() {
        HttpSettings d = HttpSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withPort(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withPort(65536));
        assertThrows(IllegalArgumentException.class, () -> d.withHost(" "));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxRequestBytes(0));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxSessions(0));
        assertThrows(IllegalArgumentException.class, () -> d.withIdleTimeout(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> d.withAllowedHosts(null));
    }

    @Test
    void originsAndHostsAreNormalized() {
        HttpSettings s = HttpSettings.defaults()
                .withAllowedOrigins(Set.of(" https://App.Example.com/ ", ""))
                .withAllowedHosts(Set.of("MCP.internal"));
        assertEquals(Set.of("https://app.example.com"), s.allowedOrigins());
        assertEquals(Set.of("mcp.internal"), s.allowedHosts());
        assertThrows(UnsupportedOperationException.class, () -> s.allowedHosts().add("x"));
    }

    @Test
    void hostHeaderParsing() {
        RequestGuard guard = new RequestGuard(HttpSettings.defaults().withAllowedHosts(Set.of("[2001:db8::1]", "svc:9000")));
        assertTrue(guard.hostAllowed("[2001:db8:0:0:0:0:0:1]:443"));
        assertTrue(guard.hostAllowed("svc:9000"));
        assertFalse(guard.hostAllowed("svc:9001"));
        assertFalse(guard.hostAllowed("svc"));
        assertTrue(guard.hostAllowed("127.0.0.1"));
        assertTrue(guard.hostAllowed("127.1.2.3:80"));
        assertFalse(guard.hostAllowed("127.0.0.1.evil.com"));
        assertFalse(guard.hostAllowed("localhost:abc"));
        assertFalse(guard.hostAllowed("user@localhost"));
        assertFalse(guard.hostAllowed(""));
    }
}
