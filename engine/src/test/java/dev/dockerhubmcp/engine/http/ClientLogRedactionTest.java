package dev.dockerhubmcp.engine.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.engine.ToolInvoker;
import dev.dockerhubmcp.engine.safety.SafetyPolicy;
import dev.dockerhubmcp.engine.testlog.CapturingLogProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the clients log at debug level during a mint, a 401 and re-mint, a refused retry, a failing credential helper
 * and an upstream that echoes the secret: captured with a test SLF4J provider, none of it may carry a secret.
 */
class ClientLogRedactionTest {
    private static final String SECRET = "dckr_pat_LogSecret0123456789";

    @TempDir
    Path tmp;

    @Test
    void noSecretReachesTheLogOrTheEnvelope() throws IOException {
        CapturingLogProvider.clear();
        List<String> issued = new CopyOnWriteArrayList<>();
        AtomicInteger apiCalls = new AtomicInteger();
        try (RawServer hub = RawServer.start((r, s) -> {
            if (r.target().equals("/v2/auth/token")) {
                String jwt = TokenMintTest.jwt("alice", 600);
                issued.add(jwt);
                RawServer.respond(s, 200, "application/json", "{\"access_token\":\"" + jwt + "\"}");
            } else if (r.target().equals("/v2/access-tokens")) {
                // the first token is refused: the client re-mints and retries
                boolean first = apiCalls.getAndIncrement() == 0;
                RawServer.respond(s, first ? 401 : 200, "application/json", first ? "{\"message\":\"expired\"}"
                    : "{\"count\":0,\"results\":[]}");
            } else {
                // an upstream that echoes what it was sent, secret included
                RawServer.respond(s, 401, "application/json", "{\"message\":\"denied for {\\\"identifier\\\":"
                    + "\\\"alice\\\",\\\"secret\\\":\\\"" + SECRET + "\\\"}\"}");
            }
        }); DefaultUpstreams up = new DefaultUpstreams(UpstreamConfig.builder().hubUrl(hub.url())
            .credentials(Credentials.of("alice", SECRET, "DOCKER_HUB_USER/DOCKER_HUB_TOKEN"))
            .maxRetryWait(Duration.ofMillis(200)).build())) {
            up.hub().send(HubRequest.get("/v2/access-tokens").build());
            ActionException refused = assertThrows(ActionException.class,
                () -> up.hub().send(HubRequest.get("/v2/echo").build()));

            Action action = Action.builder("probe").description("calls the echoing endpoint").effect(Effect.READ)
                .handler((args, ctx) -> Result.ok(ctx.hub().send(HubRequest.get("/v2/echo").build()).json()))
                .build();
            ObjectNode envelope = ToolInvoker.envelope(new ToolInvoker(SafetyPolicy.DEFAULT)
                .run("hub_test probe", action, null, context(up)), up.rateLimits());

            assertTrue(issued.size() >= 3, "minted, re-minted, minted again: " + issued.size());
            assertTrue(refused.getMessage().contains("alice"));
            assertFalse(envelope.toString().contains(SECRET), envelope.toString());
            issued.forEach(jwt -> assertFalse(envelope.toString().contains(jwt)));
        }

        // a credential helper that fails while printing what it holds
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path helper = bin.resolve("docker-credential-leaky");
        Files.writeString(helper, "#!/bin/sh\necho '{\"Username\":\"alice\",\"Secret\":\"" + SECRET
            + "\"}'\nexit 3\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cfg = Files.createDirectories(tmp.resolve("cfg"));
        Files.writeString(cfg.resolve("config.json"), "{\"credsStore\":\"leaky\"}");
        assertTrue(CredentialResolver.resolve(Map.of("PATH", bin.toString(), "DOCKER_CONFIG", cfg.toString()), null)
            .anonymous());

        List<String> lines = CapturingLogProvider.lines();
        String all = String.join("\n", lines);
        assertTrue(all.contains("minting a new token"), "debug lines were captured:\n" + all);
        assertTrue(all.contains("minted a hub JWT for alice"), all);
        assertTrue(all.contains("docker-credential-leaky exited with 3"), all);
        assertFalse(all.contains(SECRET), "a secret reached the log:\n" + all);
        assertFalse(all.contains("LogSecret"), all);
        assertFalse(all.contains("eyJ"), "a JWT reached the log:\n" + all);
    }

    private static ActionContext context(DefaultUpstreams up) {
        return new ActionContext() {
            @Override
            public <T> T client(Class<T> type) {
                return up.client(type);
            }

            @Override
            public RateLimits rateLimits() {
                return up.rateLimits();
            }
        };
    }
}
