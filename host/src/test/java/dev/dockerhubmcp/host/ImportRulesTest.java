package dev.dockerhubmcp.host;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which module may use which: a scan of the main sources of the reactor for imports and fully qualified names.
 * plugin-api is the contract (no I/O, no implementation); the engine implements it without knowing the host, the
 * testkit or any plugin; a plugin sees only the contract; the host never sees a plugin.
 */
class ImportRulesTest {
    /** {@code import x.y.Z;} and {@code import static x.y.Z.m;} */
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)\\s*;");
    /** A fully qualified name of ours anywhere in the text. */
    private static final Pattern OURS = Pattern.compile("\\bdev\\.dockerhubmcp(?:\\.[a-z_][\\w]*)+");

    private static final Path ROOT = root();

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("plugin-api"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no reactor root above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    @Test
    void pluginApiIsTheContractOnly() {
        List<String> bad = violations(List.of("plugin-api"), name -> name.startsWith("java.")
                && !name.startsWith("java.net.http.") && !name.equals("java.nio.file.Files")
                && !name.startsWith("java.io.File") && !name.startsWith("java.util.logging.")
            || name.startsWith("dev.dockerhubmcp.api.")
            || name.startsWith("com.fasterxml.jackson.")
            || name.equals("org.pf4j.ExtensionPoint"));
        assertEquals(List.of(), bad);
    }

    @Test
    void engineKnowsNeitherHostNorTestkitNorPlugins() {
        List<String> bad = violations(List.of("engine"), name -> !name.startsWith("dev.dockerhubmcp.")
            || name.startsWith("dev.dockerhubmcp.api.") || name.startsWith("dev.dockerhubmcp.engine."));
        assertEquals(List.of(), bad);
        assertEquals(List.of(), violations(List.of("engine"), name -> !name.startsWith("org.pf4j.")
            && !name.startsWith("io.modelcontextprotocol.") && !name.startsWith("io.helidon.")));
    }

    @Test
    void pluginsSeeOnlyThePluginApi() {
        List<String> modules = new ArrayList<>();
        for (String parent : List.of("plugins", "examples")) {
            try (Stream<Path> s = Files.list(ROOT.resolve(parent))) {
                s.filter(d -> Files.isDirectory(d.resolve("src/main/java")))
                    .forEach(d -> modules.add(ROOT.relativize(d).toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertTrue(modules.size() >= 9, "plugins found: " + modules);
        List<String> bad = new ArrayList<>();
        for (String module : modules) {
            String own = ownPackage(module);
            bad.addAll(violations(List.of(module), name -> name.startsWith("java.")
                || name.startsWith("dev.dockerhubmcp.api.")
                || name.startsWith(own + ".")
                || name.startsWith("com.fasterxml.jackson.")
                || name.startsWith("org.slf4j.")
                || name.equals("org.pf4j.Extension")));
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void hostNeverImportsAPlugin() {
        assertEquals(List.of(), violations(List.of("host"), name -> !name.startsWith("dev.dockerhubmcp.plugins.")
            && !name.startsWith("dev.dockerhubmcp.fixture.") && !name.startsWith("dev.dockerhubmcp.testkit.")
            && !name.startsWith("com.example.")));
    }

    /** The package of a module's main sources: the directory of its first Java file. */
    private static String ownPackage(String module) {
        Path src = ROOT.resolve(module).resolve("src/main/java");
        try (Stream<Path> s = Files.walk(src)) {
            Path first = s.filter(p -> p.toString().endsWith(".java")).sorted().findFirst().orElseThrow();
            return src.relativize(first.getParent()).toString().replace('/', '.').replace('\\', '.');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every import (and every name of ours written out in full) of the modules' main sources not {@code allowed}. */
    private static List<String> violations(List<String> modules, Predicate<String> allowed) {
        List<String> out = new ArrayList<>();
        for (String module : modules) {
            Path src = ROOT.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(src), src + " is missing");
            List<Path> files;
            try (Stream<Path> s = Files.walk(src)) {
                files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertTrue(!files.isEmpty(), "no sources in " + src);
            for (Path f : files) {
                String text;
                try {
                    text = Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                List<String> names = new ArrayList<>();
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
                Matcher o = OURS.matcher(text.replaceAll("(?m)^(package|import)\\s.*$", ""));
                while (o.find()) {
                    names.add(o.group() + ".");
                }
                for (String name : names) {
                    if (!allowed.test(name)) {
                        out.add(ROOT.relativize(f) + ": " + name);
                    }
                }
            }
        }
        return out;
    }
}
