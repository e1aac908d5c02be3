package dev.dockerhubmcp.host;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostConfigTest {
    private static HostConfig from(List<String> flags, Map<String, String> env) {
        return HostConfig.from(flags, env, Path.of("plugins"), Path.of("/home/u"));
    }

    @Test
    void defaultsAreSafe() {
        HostConfig c = from(List.of(), Map.of());
        assertEquals("stdio", c.transport());
        assertEquals("127.0.0.1", c.host());
        assertEquals("consolidated", c.toolMode());
        assertFalse(c.policy().readOnly());
        assertFalse(c.policy().allowDestructive());
        assertTrue(c.toggledOn("REPOSTOOL"));
    }

    @Test
    void flagsWinOverEnvironmentAndTheReferenceNamesWork() {
        HostConfig c = from(List.of("--transport", "http", "--port=9001", "--tool-mode", "granular", "--read-only"),
            Map.of("TRANSPORT", "stdio", "PORT", "8000", "HOST", "127.0.0.2", "DOCKERHUB_ALLOW_DESTRUCTIVE", "yes",
                "REPOSTOOL", "0", "MCP_ALLOWED_ORIGINS", "https://a.example, https://b.example"));
        assertEquals("streamable-http", c.transport());
        assertEquals(9001, c.port());
        assertEquals("127.0.0.2", c.host());
        assertEquals("granular", c.toolMode());
        assertTrue(c.policy().readOnly());
        assertTrue(c.policy().allowDestructive());
        assertFalse(c.toggledOn("REPOSTOOL"));
        assertEquals(2, c.allowedOrigins().size());
    }

    @Test
    void hubMcpCommandLinesWork() {
        // hub-mcp's documented forms, through the same split the launcher makes
        List<String> args = List.of("--transport=http", "--port=3000", "--host=0.0.0.0", "--username=alice",
            "--allowed-hosts=my-host.internal, other.internal", "--allowed-origins=https://my-app.example.com",
            "--allow-unauthenticated");
        HostConfig c = from(dev.dockerhubmcp.host.cli.CliArgs.parse(args).options(), Map.of());
        assertEquals("streamable-http", c.transport());
        assertEquals(3000, c.port());
        assertEquals("0.0.0.0", c.host());
        assertEquals("alice", c.username());
        assertEquals(java.util.Set.of("my-host.internal", "other.internal"), c.allowedHosts());
        assertEquals(java.util.Set.of("https://my-app.example.com"), c.allowedOrigins());
        assertTrue(c.allowUnauthenticated());
        HostConfig stdio = from(dev.dockerhubmcp.host.cli.CliArgs.parse(List.of("--transport=stdio",
            "--username=")).options(), Map.of());
        assertEquals("stdio", stdio.transport());
        assertEquals(null, stdio.username(), "an empty --username= (a blank catalog parameter) means none");
        assertEquals(null, from(List.of(), Map.of()).username());
    }

    @Test
    void everyFlagTakesBothFormsAndSwitchesTakeAValue() {
        HostConfig spaced = from(dev.dockerhubmcp.host.cli.CliArgs.parse(List.of("--username", "bob",
            "--allowed-hosts", "a.internal,b.internal", "--files-dir", "/data", "--tools", "granular")).options(),
            Map.of());
        assertEquals("bob", spaced.username());
        assertEquals(2, spaced.allowedHosts().size());
        assertEquals(Path.of("/data"), spaced.filesDir());
        assertEquals("granular", spaced.toolMode());
        HostConfig off = from(dev.dockerhubmcp.host.cli.CliArgs.parse(List.of("--read-only=false",
            "--allow-destructive=true")).options(), Map.of("DOCKERHUB_READ_ONLY", "true"));
        assertFalse(off.policy().readOnly(), "--read-only=false overrides the variable");
        assertTrue(off.policy().allowDestructive());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> from(List.of("--read-only=maybe"), Map.of()))
            .getMessage().contains("--read-only"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> dev.dockerhubmcp.host.cli.CliArgs.parse(
            List.of("--username"))).getMessage().contains("--username"));
    }

    @Test
    void badValuesNameTheSetting() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> from(List.of(), Map.of("DOCKERHUB_READ_ONLY",
            "perhaps"))).getMessage().contains("DOCKERHUB_READ_ONLY"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> from(List.of("--port", "http"), Map.of()))
            .getMessage().contains("--port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> from(List.of("--transport", "pigeon"), Map.of()))
            .getMessage().contains("pigeon"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> from(List.of("--frobnicate"), Map.of()))
            .getMessage().contains("--frobnicate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> from(List.of(), Map.of("PORT", "70000")))
            .getMessage().contains("port"));
        HostConfig c = from(List.of(), Map.of("SCOUTTOOL", "nah"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.toggledOn("SCOUTTOOL")).getMessage()
            .contains("SCOUTTOOL"));
    }
}
