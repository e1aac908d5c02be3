import dev.dockerhubmcp.testkit.registry.RealRegistry;
import dev.dockerhubmcp.testkit.registry.TokenServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts the registry under test (testkit: distribution 2.8.2 + token server, user bench/bench-pw with every right)
 * and writes env lines (REGISTRY_URL, REALM, TOKEN for curl) to the file named by args[0]; stops when stdin closes.
 */
public class BenchServer {
    public static void main(String[] args) throws Exception {
        try (TokenServer tokens = TokenServer.builder().user("bench", "bench-pw")
                 .grant("bench", "*", "pull", "push", "delete").tokenLifetime(Duration.ofHours(2)).start();
             RealRegistry registry = RealRegistry.start(tokens)) {
            String token = tokens.mint("bench", "bench/curl", "pull", "push");
            Files.writeString(Path.of(args[0]), "REGISTRY_URL=" + registry.url() + "\nREALM=" + tokens.realm()
                + "\nTOKEN=" + token + "\nSTORAGE=" + registry.storage() + "\n");
            System.in.read(); // until the script closes our stdin
        }
    }
}
