import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-lived benchmark driver for the stdio MCP server, run once per benchmark with the JDK's source launcher
 * ({@code java bench/lib/McpDriver.java ...}); it spawns the server itself, so its own start-up is never measured.
 * <p>
 * The clock is read the moment an answer line arrives, before the line is looked at, so the driver's own work adds
 * nothing measurable to a figure. The driver behaves like a real client: it sends {@code initialize}, waits for the
 * answer, then sends {@code notifications/initialized} and {@code tools/list}.
 *
 * <pre>
 * startup  --runs N --warmup W [--list-out FILE] -- CMD ARGS...   spawn -> tools/list answer, N times
 * baseline --runs N --warmup W -- CMD ARGS...                      spawn -> exit (e.g. java -version), N times
 * calls    --calls N --warmup W --tool T --args JSON -- CMD ARGS... one server, N sequential tools/call round trips
 * compare  --runs N --vary VAR --values FILE -- CMD ARGS...       startup, round-robin over values of VAR (one a line)
 * series   --calls N --tool T --args JSON [--expect S] [--times FILE] -- CMD ARGS...
 *          one server from its first call: RSS after tools/list, after call N/2 and after call N; p50 of calls 1-100
 *          and of calls N/2+1..N; every answer must be a success (and contain S)
 * </pre>
 * Output: one tab-separated line per run/call on stdout (all times in milliseconds), then a summary line starting
 * with {@code #}. Everything the server writes to stderr goes to {@code --stderr FILE} (default: discarded).
 */
public final class McpDriver {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final String PROTOCOL = "2025-06-18";

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            throw new IllegalArgumentException("usage: McpDriver startup|baseline|calls [options] -- CMD ARGS...");
        }
        String mode = argv[0];
        int dash = Arrays.asList(argv).indexOf("--");
        if (dash < 0 || dash == argv.length - 1) {
            throw new IllegalArgumentException("missing '-- CMD ARGS...'");
        }
        List<String> cmd = List.of(Arrays.copyOfRange(argv, dash + 1, argv.length));
        Opts o = new Opts(Arrays.copyOfRange(argv, 1, dash));
        switch (mode) {
            case "startup" -> startup(cmd, o);
            case "baseline" -> baseline(cmd, o);
            case "calls" -> calls(cmd, o);
            case "compare" -> compare(cmd, o);
            case "series" -> series(cmd, o);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // startup: spawn -> initialize answer -> tools/list answer; RSS at that moment; then stdin closed -> exit

    private static void startup(List<String> cmd, Opts o) throws Exception {
        int runs = o.integer("--runs", 10);
        int warmup = o.integer("--warmup", 1);
        String listOut = o.string("--list-out", null);
        long settleMs = o.integer("--settle-ms", 0);
        System.out.println("run\tinit_ms\tlist_ms\texit_ms\tcpu_ms\trss_kb\thwm_kb\tlist_bytes\tstdout_ok");
        List<Double> list = new ArrayList<>();
        List<Double> exit = new ArrayList<>();
        List<Double> init = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        for (int i = -warmup; i < runs; i++) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(o.stderr());
            long t0 = System.nanoTime();
            Process p = pb.start();
            OutputStream in = p.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8),
                1 << 16);
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + PROTOCOL + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
            Answer a1 = await(out, 1);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}");
            Answer a2 = await(out, 2);
            if (settleMs > 0) {
                Thread.sleep(settleMs);
            }
            long[] mem = rss(p.pid());
            double cpu = cpuMs(p.pid());
            long t3 = System.nanoTime();
            in.close();
            // drain anything else (there should be nothing) so the server never blocks on a full pipe
            boolean clean = a1.clean && a2.clean;
            String extra;
            while ((extra = out.readLine()) != null) {
                clean &= extra.startsWith("{");
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("server did not exit within 60 s of stdin closing");
            }
            long t4 = System.nanoTime();
            if (!a2.line.contains("\"tools\"")) {
                throw new IllegalStateException("tools/list answer has no tools: " + a2.line);
            }
            if (listOut != null && i == runs - 1) {
                Files.writeString(Path.of(listOut), a2.line + "\n");
            }
            if (i < 0) {
                continue;
            }
            double ti = ms(a1.at - t0);
            double tl = ms(a2.at - t0);
            double te = ms(t4 - t3);
            init.add(ti);
            list.add(tl);
            exit.add(te);
            rss.add(mem[0] / 1024.0);
            cpus.add(cpu);
            System.out.printf(Locale.ROOT, "%d\t%.1f\t%.1f\t%.1f\t%.0f\t%d\t%d\t%d\t%s%n", i + 1, ti, tl, te, cpu,
                mem[0], mem[1],
                a2.line.getBytes(StandardCharsets.UTF_8).length, clean);
            if (!clean) {
                throw new IllegalStateException("something other than JSON-RPC reached stdout");
            }
        }
        System.out.printf(Locale.ROOT, "# median init_ms=%.1f list_ms=%.1f exit_ms=%.1f cpu_ms=%.0f rss_mb=%.1f%n",
            median(init), median(list), median(exit), median(cpus), median(rss));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // compare: like startup, interleaving variants run by run so that a changing machine load hits them all alike

    private static void compare(List<String> cmd, Opts o) throws Exception {
        int runs = o.integer("--runs", 10);
        String var = o.string("--vary", "DOCKERHUB_MCP_JAVA_OPTS");
        List<String> values = Files.readAllLines(Path.of(o.string("--values", "/dev/null")));
        int n = values.size();
        List<List<Double>> wall = new ArrayList<>();
        List<List<Double>> cpu = new ArrayList<>();
        List<List<Double>> rss = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            wall.add(new ArrayList<>());
            cpu.add(new ArrayList<>());
            rss.add(new ArrayList<>());
        }
        for (int i = -1; i < runs; i++) {
            for (int v = 0; v < n; v++) {
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(o.stderr());
                pb.environment().put(var, values.get(v));
                long t0 = System.nanoTime();
                Process p = pb.start();
                OutputStream in = p.getOutputStream();
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8), 1 << 16);
                send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                    + PROTOCOL + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
                await(out, 1);
                send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}");
                Answer a2 = await(out, 2);
                long[] mem = rss(p.pid());
                double c = cpuMs(p.pid());
                in.close();
                while (out.readLine() != null) {
                    // drain
                }
                p.waitFor();
                if (i >= 0) {
                    wall.get(v).add(ms(a2.at - t0));
                    cpu.get(v).add(c);
                    rss.get(v).add(mem[0] / 1024.0);
                }
            }
        }
        System.out.println("variant\tlist_ms_median\tlist_ms_min\tcpu_ms_median\trss_mb_median\t" + var);
        for (int v = 0; v < n; v++) {
            System.out.printf(Locale.ROOT, "%d\t%.1f\t%.1f\t%.0f\t%.1f\t%s%n", v, median(wall.get(v)),
                wall.get(v).stream().mapToDouble(Double::doubleValue).min().orElse(0), median(cpu.get(v)),
                median(rss.get(v)), values.get(v));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // baseline: spawn -> exit

    private static void baseline(List<String> cmd, Opts o) throws Exception {
        int runs = o.integer("--runs", 10);
        int warmup = o.integer("--warmup", 1);
        System.out.println("run\texit_ms");
        List<Double> all = new ArrayList<>();
        for (int i = -warmup; i < runs; i++) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE);
            long t0 = System.nanoTime();
            Process p = pb.start();
            p.waitFor();
            long t1 = System.nanoTime();
            if (i >= 0) {
                all.add(ms(t1 - t0));
                System.out.printf(Locale.ROOT, "%d\t%.1f%n", i + 1, ms(t1 - t0));
            }
        }
        System.out.printf(Locale.ROOT, "# median exit_ms=%.1f%n", median(all));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // calls: one server, N sequential tools/call round trips after a warm-up

    private static void calls(List<String> cmd, Opts o) throws Exception {
        int calls = o.integer("--calls", 2000);
        int warmup = o.integer("--warmup", 500);
        String tool = o.string("--tool", null);
        String args = o.string("--args", "{}");
        Process p = new ProcessBuilder(cmd).redirectError(o.stderr()).start();
        try {
            OutputStream in = p.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8),
                1 << 16);
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + PROTOCOL + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
            await(out, 1);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            String first = null;
            double[] times = new double[calls];
            for (int i = -warmup; i < calls; i++) {
                int id = 10 + warmup + i;
                String req = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                    + tool + "\",\"arguments\":" + args + "}}";
                long t0 = System.nanoTime();
                send(in, req);
                Answer a = await(out, id);
                if (i >= 0) {
                    times[i] = ms(a.at - t0);
                }
                if (first == null) {
                    first = a.line;
                    System.err.println("first answer: " + first);
                    if (first.contains("\"isError\":true") || first.contains("\"error\"")) {
                        throw new IllegalStateException("the call failed: " + first);
                    }
                }
            }
            in.close();
            p.waitFor(30, TimeUnit.SECONDS);
            String timesOut = o.string("--times", null);
            if (timesOut != null) {
                StringBuilder sb = new StringBuilder();
                for (double t : times) {
                    sb.append(String.format(Locale.ROOT, "%.3f%n", t));
                }
                Files.writeString(Path.of(timesOut), sb);
            }
            Arrays.sort(times);
            System.out.println("calls\tp50_ms\tp90_ms\tp99_ms\tmin_ms\tmax_ms");
            System.out.printf(Locale.ROOT, "%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f%n", calls, pct(times, 50),
                pct(times, 90), pct(times, 99), times[0], times[times.length - 1]);
        } finally {
            p.destroy();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // series: one server, N sequential tools/call round trips from the very first call, memory sampled along the way

    private static void series(List<String> cmd, Opts o) throws Exception {
        int calls = o.integer("--calls", 2000);
        if (calls < 2) {
            throw new IllegalArgumentException("--calls must be at least 2");
        }
        String tool = o.string("--tool", null);
        if (tool == null) {
            throw new IllegalArgumentException("--tool is required");
        }
        String args = o.string("--args", "{}");
        String expect = o.string("--expect", null);
        int half = calls / 2;
        Process p = new ProcessBuilder(cmd).redirectError(o.stderr()).start();
        try {
            OutputStream in = p.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8),
                1 << 16);
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + PROTOCOL + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
            Answer a1 = await(out, 1);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}");
            Answer a2 = await(out, 2);
            if (!a2.line.contains("\"name\":\"" + tool + "\"")) {
                throw new IllegalStateException("the server does not offer the tool " + tool);
            }
            long rssStart = rss(p.pid())[0];
            long rssHalf = -1;
            boolean clean = a1.clean && a2.clean;
            double[] times = new double[calls];
            for (int i = 0; i < calls; i++) {
                int id = 10 + i;
                String req = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                    + tool + "\",\"arguments\":" + args + "}}";
                long t0 = System.nanoTime();
                send(in, req);
                Answer a = await(out, id);
                times[i] = ms(a.at - t0);
                clean &= a.clean;
                if (a.line.contains("\"isError\":true") || a.line.contains("\"error\":{")
                    || !a.line.contains("\"result\"") || (expect != null && !a.line.contains(expect))) {
                    throw new IllegalStateException("call " + (i + 1) + " failed: " + a.line);
                }
                if (i == 0) {
                    System.err.println("first answer: " + a.line);
                }
                if (i + 1 == half) {
                    rssHalf = rss(p.pid())[0];
                }
            }
            long rssEnd = rss(p.pid())[0];
            if (!clean) {
                throw new IllegalStateException("something other than JSON-RPC reached stdout");
            }
            in.close();
            while (out.readLine() != null) {
                // drain until the server exits
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("server did not exit within 30 s of stdin closing");
            }
            String timesOut = o.string("--times", null);
            if (timesOut != null) {
                StringBuilder sb = new StringBuilder();
                for (double t : times) {
                    sb.append(String.format(Locale.ROOT, "%.3f%n", t));
                }
                Files.writeString(Path.of(timesOut), sb);
            }
            double[] first = Arrays.copyOfRange(times, 0, Math.min(100, calls));
            double[] warm = Arrays.copyOfRange(times, half, calls);
            Arrays.sort(first);
            Arrays.sort(warm);
            System.out.println("calls\thalf\trss_start_kb\trss_half_kb\trss_end_kb\tp50_first100_ms\tp50_warm_ms"
                + "\tp99_warm_ms\tfirst_call_ms");
            System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f%n", calls, half, rssStart,
                rssHalf, rssEnd, pct(first, 50), pct(warm, 50), pct(warm, 99), times[0]);
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private record Answer(String line, long at, boolean clean) {
    }

    /** Reads lines until the answer with this id; the time is taken as the line arrives. */
    private static Answer await(BufferedReader out, int id) throws IOException {
        boolean clean = true;
        while (true) {
            String line = out.readLine();
            long at = System.nanoTime();
            if (line == null) {
                throw new IllegalStateException("server closed stdout before answering request " + id);
            }
            if (!line.startsWith("{")) {
                clean = false;
                System.err.println("NOT JSON ON STDOUT: " + line);
                continue;
            }
            if (line.contains("\"method\"") && !line.contains("\"result\"")) {
                continue; // a notification or a request from the server
            }
            Matcher m = ID.matcher(line);
            if (m.find() && Integer.parseInt(m.group(1)) == id) {
                return new Answer(line, at, clean);
            }
        }
    }

    private static void send(OutputStream in, String lines) throws IOException {
        in.write((lines + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** VmRSS and VmHWM of a process, in kB (Linux). */
    private static long[] rss(long pid) throws IOException {
        long rss = -1;
        long hwm = -1;
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                rss = Long.parseLong(l.replaceAll("\\D", ""));
            } else if (l.startsWith("VmHWM:")) {
                hwm = Long.parseLong(l.replaceAll("\\D", ""));
            }
        }
        return new long[] {rss, hwm};
    }

    /** User + system CPU time of a process so far (all its threads), from /proc/PID/stat, in ms (10 ms ticks). */
    private static double cpuMs(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state(0) ppid(1) ... utime(11) stime(12), in clock ticks (USER_HZ = 100 on Linux)
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double pct(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static final class Opts {
        private final Map<String, String> values = new java.util.HashMap<>();

        Opts(String[] a) {
            for (int i = 0; i + 1 < a.length; i += 2) {
                values.put(a[i], a[i + 1]);
            }
        }

        int integer(String k, int def) {
            return values.containsKey(k) ? Integer.parseInt(values.get(k)) : def;
        }

        String string(String k, String def) {
            return values.getOrDefault(k, def);
        }

        ProcessBuilder.Redirect stderr() {
            String f = values.get("--stderr");
            return f == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(new File(f));
        }
    }
}
