package dev.dockerhubmcp.host;

import dev.dockerhubmcp.host.cli.CliArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files directory setting: flag over environment, unset by default, a missing directory stops the start. */
class FilesDirConfigTest {
    @TempDir
    Path tmp;

    private static HostConfig from(List<String> flags, Map<String, String> env) {
        return HostConfig.from(flags, env, Path.of("plugins"), Path.of("/home/u"));
    }

    @Test
    void flagWinsOverEnvironmentAndUnsetMeansNone() {
        assertNull(from(List.of(), Map.of()).filesDir());
        assertNull(from(List.of(), Map.of("DOCKERHUB_FILES_DIR", " ")).filesDir());
        assertEquals(Path.of("/data/env"), from(List.of(), Map.of("DOCKERHUB_FILES_DIR", "/data/env")).filesDir());
        assertEquals(Path.of("/data/flag"), from(CliArgs.parse(List.of("--files-dir", "/data/flag")).options(),
            Map.of("DOCKERHUB_FILES_DIR", "/data/env")).filesDir());
    }

    @Test
    void helpNamesItAndAMissingDirectoryStopsTheServerNamingTheSetting() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, Main.run(List.of("--help"), new ByteArrayInputStream(new byte[0]), o, e, Map.of(), tmp));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("--files-dir") && help.contains("DOCKERHUB_FILES_DIR"), help);
        int code = Main.run(List.of("tools", "--plugins-dir", tmp.resolve("none").toString(), "--files-dir",
            tmp.resolve("missing").toString()), new ByteArrayInputStream(new byte[0]), o, e, Map.of(), tmp);
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("DOCKERHUB_FILES_DIR"), err.toString());
    }
}
