package dev.dockerhubmcp.plugins.scout;

import dev.dockerhubmcp.api.Action;

import java.util.List;

/**
 * An action of the scout plugin together with every GraphQL query it can send. The plugin lists its actions through
 * this interface only, so the schema-validation test sees every query of every action.
 */
public interface ScoutAction {

    /** The action (spec and handler). */
    Action action();

    /** Every query the action can send. */
    List<ScoutQuery> queries();
}
