package dev.dockerhubmcp.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** The assembled distribution under test, and helpers to build plugin folders for a test. */
final class Dist {
    private Dist() {
    }

    static Path home() {
        return Path.of(System.getProperty("dockerhubmcp.dist", "target/dockerhub-mcp")).toAbsolutePath();
    }

    static Path launcher() {
        return home().resolve("bin/dockerhub-mcp");
    }

    static Path bundledPlugins() {
        return home().resolve("plugins");
    }

    static Path testPlugin(String prefix) {
        Path dir = Path.of(System.getProperty("dockerhubmcp.testplugins", "target/test-plugins"));
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + prefix + " jar in " + dir));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plugins folder with the bundled jars, the fixture and hello plugins, and whatever else is given. */
    static Path pluginsDir(Path tmp, boolean bundled) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        if (bundled) {
            try (var s = Files.list(bundledPlugins())) {
                for (Path p : s.toList()) {
                    Files.copy(p, dir.resolve(p.getFileName()));
                }
            }
        }
        Files.copy(testPlugin("fixture-plugin"), dir.resolve("fixture-plugin.jar"));
        Files.copy(testPlugin("hello-plugin"), dir.resolve("hello-plugin.jar"));
        return dir;
    }

    /** The plugin ids of the bundled jars (from their manifests). */
    static List<String> bundledIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (var s = Files.list(bundledPlugins())) {
            for (Path p : s.sorted().toList()) {
                try (JarFile jf = new JarFile(p.toFile())) {
                    ids.add(jf.getManifest().getMainAttributes().getValue("Plugin-Id"));
                }
            }
        }
        return ids;
    }

    /** A copy of a plugin jar with manifest attributes changed (another id, another API requirement). */
    static void rewriteManifest(Path source, Path target, Map<String, String> changes) throws IOException {
        try (JarFile in = new JarFile(source.toFile())) {
            Manifest m = new Manifest(in.getManifest());
            Attributes a = m.getMainAttributes();
            changes.forEach((k, v) -> a.put(new Attributes.Name(k), v));
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), m)) {
                Enumeration<JarEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(e.getName()));
                    try (InputStream is = in.getInputStream(e)) {
                        is.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    /** Environment for a server: no credentials of the machine leak in; upstreams point nowhere. */
    static Map<String, String> env(Path home, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("DOCKER_CONFIG", home.resolve(".docker").toString());
        // no start-up cache (and no background trainer) unless a test asks for it: CliIT covers the cache
        env.put("DOCKERHUB_MCP_CDS", "false");
        env.put("DOCKERHUB_MCP_CACHE", home.resolve("cache").toString());
        env.put("DOCKERHUB_URL", "http://127.0.0.1:9");
        env.put("DOCKER_REGISTRY_URL", "http://127.0.0.1:9");
        env.put("DOCKER_SCOUT_URL", "http://127.0.0.1:9");
        if (System.getenv("JAVA_HOME") != null) {
            env.put("JAVA_HOME", System.getenv("JAVA_HOME"));
        }
        env.putAll(extra);
        return env;
    }

    /** Runs the launcher to completion with the given stdin; returns exit code, stdout and stderr. */
    static Run run(List<String> args, Map<String, String> env, String stdin, long timeoutSeconds)
        throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread to = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
        Thread te = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("process did not exit within " + timeoutSeconds + " s; stderr: "
                + err.toString(StandardCharsets.UTF_8));
        }
        to.join();
        te.join();
        return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // process ended
        }
    }

    record Run(int exit, String stdout, String stderr) {
    }
}
