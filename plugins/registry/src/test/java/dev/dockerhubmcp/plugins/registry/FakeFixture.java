package dev.dockerhubmcp.plugins.registry;

import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.registry.FakeRegistry;

import java.time.Duration;

/** A harness pointed at a {@link FakeRegistry}, with quick retries. */
final class FakeFixture {
    private FakeFixture() {
    }

    static ActionHarness harness(FakeRegistry fake, boolean allowDestructive) {
        return ActionHarness.builder().registry(fake.url()).registryAuth(fake.tokenRealm())
            .allowDestructive(allowDestructive)
            .configure(c -> c.maxRetries(3).maxRetryWait(Duration.ofSeconds(3)).maxTotalRetryWait(Duration.ofSeconds(6)))
            .build();
    }
}
