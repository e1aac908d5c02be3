package dev.dockerhubmcp.plugins.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.JsonNodes;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Schema;

/** The argument schemas and compact shapes the teams actions share. */
final class Params {
    /** A team (group) name: letters, digits, '.', '_' and '-', starting with a letter or digit. */
    static final String TEAM = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    private Params() {
    }

    static Schema.Prop org() {
        return Schema.string("Organization name (namespace), e.g. 'myorganization'").pattern(Patterns.NAMESPACE)
            .minLength(2).maxLength(255);
    }

    static Schema.Prop team() {
        return Schema.string("Team (group) name in the organization, e.g. 'developers'").pattern(TEAM).maxLength(255);
    }

    static Schema.Prop newName(String description) {
        return Schema.string(description).pattern(TEAM).maxLength(255);
    }

    static Schema.Prop description() {
        return Schema.string("Team description").maxLength(1000);
    }

    static Schema.Prop username(String description) {
        return Schema.string(description).pattern(Patterns.USERNAME).maxLength(255);
    }

    static Schema.Prop verbose() {
        return Schema.bool("Return the raw upstream records instead of the compact form (costs more context)")
            .defaultValue(false);
    }

    /** A team as the caller sees it: id, name, description, member_count (or the raw record when verbose). */
    static JsonNode team(JsonNode record, boolean verbose) {
        return verbose || !record.isObject() ? record
            : JsonNodes.pick(record, "id", "name", "description", "member_count");
    }

    static ObjectNode teamOutput() {
        return Schema.object()
            .optional("id", Schema.integer("Group id (the group_id repos assign_group takes)"))
            .optional("name", Schema.string(null))
            .optional("description", Schema.string(null))
            .optional("member_count", Schema.integer(null))
            .allowAdditional().build();
    }
}
