package dev.dockerhubmcp.host.plugins;

import com.example.clash.ClashPlugin;
import com.example.clash.FinePlugin;
import dev.dockerhubmcp.api.PluginInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginJarLoaderTest {
    @TempDir
    Path dir;

    /** A plugin jar holding one compiled test class as its extension. */
    private void pluginJar(String file, String id, Class<?> extension) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(new Attributes.Name("Plugin-Id"), id);
        a.put(new Attributes.Name("Plugin-Version"), "1.0.0");
        String entry = extension.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(dir.resolve(file)), m);
             InputStream cls = extension.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            cls.transferTo(out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write((extension.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    @Test
    void aParameterNamedLikeARoutingParameterCostsThatPluginAtLoadTime() throws IOException {
        pluginJar("clash.jar", "clash", ClashPlugin.class);
        pluginJar("fine.jar", "fine", FinePlugin.class);
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (PluginJarLoader loader = new PluginJarLoader(dir, "1.0.0", t -> true, warnings::add).load()) {
            assertEquals(List.of("fine"), loader.plugins().stream().map(LoadedPlugin::id).toList());
            assertEquals(1, warnings.size(), warnings.toString());
            String w = warnings.get(0);
            assertTrue(w.contains("clash.jar") && w.contains("'filter'") && w.contains("'action'")
                && w.contains("routing"), w);
            PluginInfo clash = loader.infos().stream().filter(i -> i.id().equals("clash")).findFirst().orElseThrow();
            assertEquals("failed", clash.state());
            assertTrue(clash.reason().contains("'action'"), clash.reason());
        }
    }
}
