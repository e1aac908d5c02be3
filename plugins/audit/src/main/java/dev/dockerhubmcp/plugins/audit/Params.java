package dev.dockerhubmcp.plugins.audit;

import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Schema;

/** The argument schemas the audit actions share. */
final class Params {
    private Params() {
    }

    static Schema.Prop account() {
        return Schema.string("Namespace whose audit log to read (an organization, e.g. 'myorganization')")
            .pattern(Patterns.NAMESPACE).minLength(2).maxLength(255);
    }

    static Schema.Prop verbose() {
        return Schema.bool("Return the raw upstream records instead of the compact form (costs more context)")
            .defaultValue(false);
    }
}
