package dev.dockerhubmcp.api;

import org.pf4j.ExtensionPoint;

import java.util.List;
import java.util.Locale;

/**
 * The one extension point. A plugin jar carries one implementation (annotated {@code @org.pf4j.Extension}); the
 * host exposes its actions as MCP tools. Implementations must be cheap to construct: build actions lazily or in
 * {@link #actions()}.
 */
public interface DockerHubPlugin extends ExtensionPoint {

    /** Short id, lowercase: {@code repos}. */
    String id();

    /** A one-line description of the tool as a whole, for a model. */
    String description();

    /** Every action, listed explicitly. */
    List<Action> actions();

    /** The MCP tool name (consolidated mode); granular tools are {@code <toolName>_<action>}. */
    default String toolName() {
        return "hub_" + id();
    }

    /** The environment variable that turns the plugin off: {@code REPOSTOOL=false}. */
    default String toggle() {
        return id().toUpperCase(Locale.ROOT) + "TOOL";
    }
}
