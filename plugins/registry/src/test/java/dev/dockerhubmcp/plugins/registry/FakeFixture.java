package dev.dockerhubmcp.plugins.registry;

import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.registry.FakeRegistry;

import java.time.Duration;

/** A harness pointed at a {@link FakeRegistry}, with quick retries. */
final class FakeFixture {
    /** The files directory of the harnesses: the temporary directory the tests' files are in. */
    static final java.nio.file.Path TMP = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));

    private FakeFixture() {
    }

    static ActionHarness harness(FakeRegistry fake, boolean allowDestructive) {
        return ActionHarness.builder().registry(fake.url()).registryAuth(fake.tokenRealm())
            .allowDestructive(allowDestructive).filesDir(TMP)
            .configure(c -> c.maxRetries(3).maxRetryWait(Duration.ofSeconds(3)).maxTotalRetryWait(Duration.ofSeconds(6)))
            .build();
    }
}
