package dev.dockerhubmcp.api.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.List;

/**
 * A GraphQL answer with data. When the server answered errors alongside data, they are kept as warnings; errors
 * without data are thrown by the client as typed errors instead.
 *
 * @param data     the {@code data} object
 * @param warnings messages of errors that came with partial data
 */
public record ScoutResponse(JsonNode data, List<String> warnings) {
    public ScoutResponse {
        data = data == null ? NullNode.getInstance() : data;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
