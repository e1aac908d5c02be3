package dev.dockerhubmcp.plugins.org;

import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Schema;

/** The argument schemas the org actions share, so one field reads the same in every action. */
final class Params {
    /** Organization roles (spec: update member, list filter). */
    static final String[] ROLES = {"owner", "editor", "member"};
    /** An email address, loosely: what Hub accepts as an invitee besides a Docker ID. */
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    /** A team (group) name. */
    static final String TEAM = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    /** A Docker ID or an email address. */
    static final String INVITEE = "^(?:[a-z0-9](?:[a-z0-9_.-]{0,253}[a-z0-9])?|[^@\\s]+@[^@\\s]+\\.[^@\\s]+)$";
    /** The most invitees one bulk_invite call sends. */
    static final int MAX_INVITEES = 1000;

    private Params() {
    }

    static Schema.Prop org() {
        return Schema.string("Organization name (namespace), e.g. 'myorganization'").pattern(Patterns.NAMESPACE)
            .minLength(2).maxLength(255);
    }

    static Schema.Prop username() {
        return Schema.string("Docker ID (username) of the member").pattern(Patterns.USERNAME).maxLength(255);
    }

    static Schema.Prop inviteId() {
        return Schema.string("Invite id (a UUID, from list_invites)").pattern(Patterns.UUID);
    }

    static Schema.Prop verbose() {
        return Schema.bool("Return the raw upstream records instead of the compact form (costs more context)")
            .defaultValue(false);
    }
}
