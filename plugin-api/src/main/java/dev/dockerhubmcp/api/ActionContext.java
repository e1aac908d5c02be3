package dev.dockerhubmcp.api;

import dev.dockerhubmcp.api.files.LocalFiles;
import dev.dockerhubmcp.api.hub.HubClient;
import dev.dockerhubmcp.api.registry.RegistryClient;
import dev.dockerhubmcp.api.scout.ScoutClient;

import java.time.Clock;
import java.util.List;

/**
 * What a handler may use: the shared upstream clients (one instance each, owned by the host), the process-wide
 * rate-limit view, progress reporting and cancellation. Handlers never read environment variables or build HTTP
 * clients of their own.
 */
public interface ActionContext {

    /**
     * The shared client of this interface ({@link HubClient}, {@link RegistryClient}, {@link ScoutClient}).
     *
     * @throws IllegalArgumentException when the server has no client of that type
     */
    <T> T client(Class<T> type);

    default HubClient hub() {
        return client(HubClient.class);
    }

    default RegistryClient registry() {
        return client(RegistryClient.class);
    }

    default ScoutClient scout() {
        return client(ScoutClient.class);
    }

    /** The time source for expiry checks and countdowns (tests set their own). */
    default Clock clock() {
        return Clock.systemUTC();
    }

    /** The latest rate-limit figures seen on any upstream answer in this process. */
    RateLimits rateLimits();

    /** Reports progress of a long action (blob transfer); ignored when the caller did not ask for progress. */
    default void progress(long done, Long total, String message) {
    }

    /** Sends a log line to the MCP client (and stderr); never to stdout. */
    default void log(String level, String message) {
    }

    /** True once the caller cancelled; long actions check it between chunks. */
    default boolean cancelled() {
        return false;
    }

    /**
     * Local files named by arguments (read or written): only through this, confined to the files directory the server
     * was given; refused (naming the setting) when there is none.
     */
    default LocalFiles files() {
        return LocalFiles.OFF;
    }

    /** The plugins this host knows (for hub_admin). */
    default List<PluginInfo> plugins() {
        return List.of();
    }
}
