import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.plugins.registry.RegistryPlugin;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.registry.TestImages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs one plugin action against the bench registry as bench/bench-pw and prints
 * {@code {"ms":…,"first_ms":…,"heap_max_mb":…,"data":…}}: {@code first_ms} is the first call of the JVM,
 * {@code ms} the median of the later ones (a warm server); times cover the action only, not JVM start-up.
 * An {@code output_path} is deleted before each call and dirty pages are flushed ({@code sync}), untimed, so every
 * call starts as curl's does in run.sh.
 * Usage: BenchClient <registryUrl> <realm> <action> <argsJson> [repeat]
 *        BenchClient <registryUrl> <realm> seed-multiarch <repository:tag>
 */
public class BenchClient {
    public static void main(String[] a) throws Exception {
        ObjectMapper m = new ObjectMapper();
        if (a[2].equals("seed-multiarch")) {
            String[] rt = a[3].split(":");
            try (DefaultUpstreams u = new DefaultUpstreams(UpstreamConfig.builder().registryUrl(a[0])
                .registryAuthUrl(a[1]).registryCredentials(Credentials.of("bench", "bench-pw", "bench")).build())) {
                TestImages.Index idx = TestImages.index(false, true, TestImages.image("linux/amd64", "a", "a2"),
                    TestImages.image("linux/arm64/v8", "b", "b2"), TestImages.image("linux/arm/v7", "c"));
                System.out.println(TestImages.push(u.registry(), rt[0], rt[1], idx));
            }
            return;
        }
        int repeat = a.length > 4 ? Integer.parseInt(a[4]) : 1;
        try (ActionHarness h = ActionHarness.builder().registry(a[0]).registryAuth(a[1])
            .registryCredentials("bench", "bench-pw").allowDestructive(true)
            .configure(c -> c.readTimeout(Duration.ofMinutes(5))).build()) {
            RegistryPlugin plugin = new RegistryPlugin();
            List<Double> times = new ArrayList<>();
            Result last = null;
            ObjectNode args = (ObjectNode) m.readTree(a[3]);
            for (int i = 0; i < repeat; i++) {
                if (args.has("output_path")) {
                    // untimed, like curl writing a new file: replacing a 1 GiB file would add its deletion
                    // (ext4 with discard: ~0.4 s) to the plugin's time
                    Files.deleteIfExists(Path.of(args.get("output_path").asText()));
                }
                new ProcessBuilder("sync").inheritIO().start().waitFor(); // untimed: the last call's writes flushed
                long t0 = System.nanoTime();
                last = h.call(plugin, a[2], args.deepCopy());
                times.add((System.nanoTime() - t0) / 1e6);
                if (last.isError()) {
                    throw new IllegalStateException(a[2] + " failed: " + last.error());
                }
            }
            ObjectNode out = m.createObjectNode();
            List<Double> warm = new ArrayList<>(times.subList(times.size() > 1 ? 1 : 0, times.size()));
            Collections.sort(warm);
            out.put("ms", warm.get(warm.size() / 2)); // median of the calls after the first (a warm server)
            out.put("first_ms", times.get(0));        // the very first call of this JVM (cold JIT, token fetch)
            out.put("heap_max_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            out.set("data", last.data());
            System.out.println(out);
        }
    }
}
