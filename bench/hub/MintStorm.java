import dev.dockerhubmcp.api.RateLimits;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.HttpEngine;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.engine.http.hub.DefaultHubClient;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.testkit.FakeHub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mint storm: N concurrent Hub calls (default 100) when the token is no longer good must cause exactly one mint.
 * Two ways a token goes bad: the Hub refuses it (401 on every in-flight call) and the client's clock passes its
 * expiry. Prints one Markdown table row per scenario; exits 1 when any scenario minted more than once.
 *
 * Run with bench/hub/mint-storm.sh [calls] [mint-delay-ms].
 */
public final class MintStorm {
    private static final String PATH = "/v2/access-tokens";

    /** A clock the benchmark moves past the token's expiry. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    record Outcome(String scenario, int calls, int ok, int mints, long wallMs, long p50Ms, long p99Ms, long maxMs) {
        String row() {
            return "| mint-storm | " + scenario + " | " + calls + " | " + ok + " | " + mints + " | " + wallMs
                + " | " + p50Ms + " | " + p99Ms + " | " + maxMs + " | " + (mints == 1 && ok == calls ? "pass" : "FAIL")
                + " |";
        }
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long mintDelayMs = args.length > 1 ? Long.parseLong(args[1]) : 100;
        refused(Math.min(calls, 20), 0); // warm-up (class loading, JIT), not reported
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(refused(calls, mintDelayMs));
        outcomes.add(clockExpired(calls, mintDelayMs));
        outcomes.add(cold(calls, mintDelayMs));
        System.out.println("| benchmark | scenario | calls | ok | mints | wall ms | p50 ms | p99 ms | max ms | result |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        boolean pass = true;
        for (Outcome o : outcomes) {
            System.out.println(o.row());
            pass &= o.mints() == 1 && o.ok() == o.calls();
        }
        System.exit(pass ? 0 : 1);
    }

    /** The Hub refuses the cached token: every in-flight call gets 401 and asks for a new one. */
    static Outcome refused(int calls, long mintDelayMs) throws Exception {
        try (FakeHub hub = hub(mintDelayMs)) {
            MovableClock clock = new MovableClock();
            try (HttpEngine engine = engine(hub)) {
                DefaultHubClient client = new DefaultHubClient(engine, clock);
                client.send(HubRequest.get(PATH).build());
                int before = hub.mintCount();
                hub.expireTokens();
                return storm("token refused by the Hub (401)", client, calls, () -> hub.mintCount() - before);
            }
        }
    }

    /** The client's clock passes the token's expiry while it sits in the cache. */
    static Outcome clockExpired(int calls, long mintDelayMs) throws Exception {
        try (FakeHub hub = hub(mintDelayMs)) {
            MovableClock clock = new MovableClock();
            try (HttpEngine engine = engine(hub)) {
                DefaultHubClient client = new DefaultHubClient(engine, clock);
                client.send(HubRequest.get(PATH).build());
                int before = hub.mintCount();
                clock.advance(Duration.ofMinutes(11));
                return storm("token expired on the client's clock", client, calls, () -> hub.mintCount() - before);
            }
        }
    }

    /** No token yet: the first burst of calls. */
    static Outcome cold(int calls, long mintDelayMs) throws Exception {
        try (FakeHub hub = hub(mintDelayMs); HttpEngine engine = engine(hub)) {
            DefaultHubClient client = new DefaultHubClient(engine, Clock.systemUTC());
            return storm("no token yet (cold start)", client, calls, hub::mintCount);
        }
    }

    private static FakeHub hub(long mintDelayMs) {
        FakeHub hub = FakeHub.start().user("alice", "dckr_pat_bench").tokenLifetime(Duration.ofMinutes(10))
            .mintDelay(Duration.ofMillis(mintDelayMs));
        hub.on("GET", PATH).respond(200, "{\"count\":0,\"results\":[]}");
        return hub;
    }

    private static HttpEngine engine(FakeHub hub) {
        return new HttpEngine(UpstreamConfig.builder().hubUrl(hub.url())
            .credentials(Credentials.of("alice", "dckr_pat_bench", "bench"))
            .maxRetryWait(Duration.ofSeconds(2)).maxTotalRetryWait(Duration.ofSeconds(5)).build(), new RateLimits());
    }

    private static Outcome storm(String scenario, DefaultHubClient client, int calls,
                                 java.util.function.IntSupplier mints) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        long[] latencies = new long[calls];
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            int index = i;
            tasks.add(() -> {
                start.await();
                long t0 = System.nanoTime();
                try {
                    return client.send(HubRequest.get(PATH).build()).status();
                } finally {
                    latencies[index] = (System.nanoTime() - t0) / 1_000_000;
                }
            });
        }
        int ok = 0;
        long wall;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> t : tasks) {
                futures.add(pool.submit(t));
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Future<Integer> f : futures) {
                try {
                    ok += f.get() == 200 ? 1 : 0;
                } catch (Exception e) {
                    // counted as not ok
                }
            }
            wall = (System.nanoTime() - t0) / 1_000_000;
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Outcome(scenario, calls, ok, mints.getAsInt(), wall, percentile(sorted, 50), percentile(sorted, 99),
            sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
