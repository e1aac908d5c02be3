package dev.dockerhubmcp.api.scout;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shared Docker Scout client: GraphQL {@code POST /v1/graphql} with the Hub JWT as bearer. GraphQL errors with
 * {@code extensions.status} 402/403/404 or {@code extensions.code DOWNSTREAM_SERVICE_ERROR} become typed errors that
 * say what the user can do.
 */
public interface ScoutClient {

    /** Runs a query with its variables (the plugin puts {@code context: {organization}} into them). */
    ScoutResponse query(String query, ObjectNode variables);

    /** The base URL, e.g. https://api.scout.docker.com. */
    String baseUrl();
}
