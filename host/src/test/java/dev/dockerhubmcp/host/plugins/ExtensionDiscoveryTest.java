package dev.dockerhubmcp.host.plugins;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.PluginInfo;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.Extension;
import org.pf4j.PluginClassLoader;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the host finds a jar's extension: through the standard services file
 * ({@code META-INF/services/dev.dockerhubmcp.api.DockerHubPlugin}), through PF4J's {@code META-INF/extensions.idx}
 * (as a third party's jar built with PF4J's annotation processor has it), or both. The plugins are compiled here with
 * javac (the annotation processor running or not) and packed into real jars, so their classes exist nowhere else.
 */
class ExtensionDiscoveryTest {
    private static final String SERVICES = "META-INF/services/dev.dockerhubmcp.api.DockerHubPlugin";
    private static final String IDX = "META-INF/extensions.idx";

    @TempDir
    Path tmp;

    private static String source(String simpleName, String id, boolean annotated) {
        return """
            package com.example.spi;

            import com.fasterxml.jackson.databind.node.JsonNodeFactory;
            import dev.dockerhubmcp.api.Action;
            import dev.dockerhubmcp.api.DockerHubPlugin;
            import dev.dockerhubmcp.api.Effect;
            import dev.dockerhubmcp.api.Result;
            import dev.dockerhubmcp.api.Schema;
            import java.util.List;

            %s
            public final class %s implements DockerHubPlugin {
                public String id() { return "%s"; }
                public String description() { return "A plugin compiled by the test."; }
                public List<Action> actions() {
                    return List.of(Action.builder("ping").description("Answers pong.").input(Schema.object())
                        .effect(Effect.READ)
                        .handler((args, ctx) -> Result.ok(JsonNodeFactory.instance.objectNode().put("pong", id())))
                        .build());
                }
            }
            """.formatted(annotated ? "@org.pf4j.Extension" : "", simpleName, id);
    }

    /** Compiles one plugin class; with the processor, PF4J's ExtensionAnnotationProcessor writes extensions.idx. */
    private Path compile(String simpleName, String id, boolean annotated, boolean processor) throws IOException {
        Path out = Files.createDirectories(tmp.resolve("classes-" + id));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = Stream.of(DockerHubPlugin.class, Extension.class, JsonNode.class, TreeNode.class,
                JsonInclude.class)
            .map(ExtensionDiscoveryTest::location).distinct().collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> options = new ArrayList<>(List.of("--release", "21", "-classpath", classPath,
            "-d", out.toString()));
        if (processor) {
            options.addAll(List.of("-processor", "org.pf4j.processor.ExtensionAnnotationProcessor"));
        } else {
            options.add("-proc:none");
        }
        JavaFileObject src = new SimpleJavaFileObject(URI.create("string:///com/example/spi/" + simpleName + ".java"),
            JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source(simpleName, id, annotated);
            }
        };
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(diagnostics, files, null, options, null, List.of(src)).call();
            assertTrue(ok, "javac failed: " + diagnostics);
        }
        return out;
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plugin jar of the compiled classes plus extra files, without directory entries. */
    private Path jar(Path classes, String id, Map<String, String> extra) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(new Attributes.Name("Plugin-Id"), id);
        a.put(new Attributes.Name("Plugin-Version"), "1.0.0");
        Path jar = plugins.resolve(id + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            for (Map.Entry<String, String> e : extra.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private record Loaded(List<LoadedPlugin> plugins, List<PluginInfo> infos, List<String> warnings) {
    }

    private Loaded load() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (PluginJarLoader loader = new PluginJarLoader(tmp.resolve("plugins"), "0.1.0", t -> true,
            warnings::add).load()) {
            return new Loaded(loader.plugins(), loader.infos(), warnings);
        }
    }

    /** The plugin came from its jar (a PF4J plugin class loader) and its action runs through the harness. */
    private static void assertServes(LoadedPlugin p, String id) {
        assertEquals(id, p.id());
        assertEquals("hub_" + id, p.toolName());
        assertInstanceOf(PluginClassLoader.class, p.plugin().getClass().getClassLoader());
        assertEquals(List.of("ping"), p.actions().stream().map(x -> x.name()).toList());
        try (ActionHarness h = ActionHarness.builder().build()) {
            Result r = h.call(p.plugin(), "ping", "{}");
            assertFalse(r.isError(), String.valueOf(r));
            assertEquals(id, r.data().path("pong").asText());
        }
    }

    @Test
    void aJarWithOnlyExtensionsIdxFromTheAnnotationProcessorLoads() throws IOException {
        Path classes = compile("IdxPlugin", "idxonly", true, true);
        assertTrue(Files.readString(classes.resolve(IDX)).contains("com.example.spi.IdxPlugin"),
            "the processor wrote the index");
        assertFalse(Files.exists(classes.resolve(SERVICES)));
        jar(classes, "idxonly", Map.of());

        Loaded l = load();
        assertEquals(List.of(), l.warnings());
        assertEquals(1, l.plugins().size());
        assertServes(l.plugins().get(0), "idxonly");
    }

    @Test
    void aJarWithOnlyAServicesFileLoadsWithoutTheAnnotation() throws IOException {
        Path classes = compile("SpiPlugin", "spionly", false, false);
        assertFalse(Files.exists(classes.resolve(IDX)));
        jar(classes, "spionly", Map.of(SERVICES, "# the one provider\n\ncom.example.spi.SpiPlugin  # ours\n"));

        Loaded l = load();
        assertEquals(List.of(), l.warnings());
        assertEquals(1, l.plugins().size());
        assertServes(l.plugins().get(0), "spionly");
        assertEquals("started", l.infos().get(0).state());
    }

    @Test
    void aJarDeclaringItsExtensionInBothFilesIsOnePlugin() throws IOException {
        Path classes = compile("BothPlugin", "both", true, true);
        assertTrue(Files.exists(classes.resolve(IDX)));
        jar(classes, "both", Map.of(SERVICES, "com.example.spi.BothPlugin\n"));

        Loaded l = load();
        assertEquals(List.of(), l.warnings(), "no second instance refused as a duplicate tool");
        assertEquals(1, l.plugins().size());
        assertEquals(1, l.infos().size());
        assertServes(l.plugins().get(0), "both");
    }

    @Test
    void aJarDeclaringNoExtensionIsRefusedNamingTheServicesFileAndOthersStillLoad() throws IOException {
        jar(compile("NonePlugin", "none", true, false), "none", Map.of());
        jar(compile("SpiPlugin", "spi", false, false), "spi", Map.of(SERVICES, "com.example.spi.SpiPlugin\n"));

        Loaded l = load();
        assertEquals(List.of("spi"), l.plugins().stream().map(LoadedPlugin::id).toList());
        assertEquals(1, l.warnings().size(), l.warnings().toString());
        String w = l.warnings().get(0);
        assertTrue(w.contains("none.jar") && w.contains(SERVICES) && w.contains(IDX), w);
        PluginInfo none = l.infos().stream().filter(i -> i.id().equals("none")).findFirst().orElseThrow();
        assertEquals("failed", none.state());
    }
}
