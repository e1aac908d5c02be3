package dev.dockerhubmcp.host.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a command line into the host's options (handed to {@code HostConfig}) and the command's positional
 * words, knowing which options take a value.
 *
 * @param options    host options in order ({@code --read-only}, {@code --port 8000}, …)
 * @param positional everything else
 * @param json       {@code --json} was given
 * @param markdown   {@code --markdown} was given
 */
public record CliArgs(List<String> options, List<String> positional, boolean json, boolean markdown) {
    /** Switches; each also takes {@code =true} or {@code =false}. */
    public static final Set<String> BOOLEAN = Set.of("--read-only", "--allow-destructive", "--allow-unauthenticated");
    /** Options with a value, as {@code --name value} or {@code --name=value}. */
    public static final Set<String> VALUED = Set.of("--transport", "--host", "--port", "--tool-mode", "--tools",
        "--plugins-dir", "--allowed-origin", "--allowed-host", "--allowed-origins", "--allowed-hosts", "--files-dir",
        "--username");

    public static CliArgs parse(List<String> args) {
        List<String> options = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        boolean json = false;
        boolean markdown = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--markdown")) {
                markdown = true;
            } else if (BOOLEAN.contains(name)) {
                options.add(a);
            } else if (VALUED.contains(name)) {
                options.add(a);
                if (!a.contains("=")) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    options.add(args.get(++i));
                }
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option '" + a + "' (see --help)");
            } else {
                positional.add(a);
            }
        }
        return new CliArgs(options, positional, json, markdown);
    }
}
