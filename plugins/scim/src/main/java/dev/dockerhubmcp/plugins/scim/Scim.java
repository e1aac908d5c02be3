package dev.dockerhubmcp.plugins.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ActionContext;
import dev.dockerhubmcp.api.ActionError;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.Patterns;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.api.hub.HubResponse;

/**
 * How every SCIM call is made: {@code application/scim+json} both ways and the SCIM bearer token
 * ({@code DOCKERHUB_SCIM_TOKEN}, the spec's {@code bearerSCIMAuth}), never the Hub JWT. Without the token the client
 * refuses before sending, naming the variable. SCIM errors ({@code {schemas, status, scimType?, detail}}) keep their
 * detail as the message (the client does that) and get their {@code scimType} appended, so a caller can tell a
 * {@code uniqueness} conflict from an {@code invalidFilter}.
 */
final class Scim {
    static final String MEDIA_TYPE = "application/scim+json";
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String BASE = "/v2/scim/2.0";

    private Scim() {
    }

    static HubResponse send(ActionContext ctx, HubRequest.Builder request) {
        HubRequest req = request.auth(HubAuth.SCIM).accept(MEDIA_TYPE).contentType(MEDIA_TYPE).build();
        try {
            return ctx.hub().send(req);
        } catch (ActionException e) {
            throw withScimType(e);
        }
    }

    static ActionException withScimType(ActionException e) {
        ActionError error = e.error();
        JsonNode details = error.details();
        String scimType = details == null ? null : Json.text(details, "scimType");
        if (scimType == null) {
            return e;
        }
        return new ActionException(new ActionError(error.type(), error.message() + " (scimType: " + scimType + ")",
            error.statusCode(), error.retryAfter(), details), e);
    }

    /** The list under {@code Resources} (RFC 7644) or {@code resources} (how the Hub spec spells it). */
    static JsonNode resources(JsonNode listResponse) {
        JsonNode r = listResponse.get("Resources");
        return r != null && r.isArray() ? r : listResponse.path("resources");
    }

    static Schema.Prop userId() {
        return Schema.string("SCIM user id (a UUID, from list_users)").pattern(Patterns.UUID);
    }

    static Schema.Prop verbose() {
        return Schema.bool("Return the raw SCIM resource instead of the compact form (costs more context)")
            .defaultValue(false);
    }

    static Schema.Prop name(String description) {
        return Schema.objectProp(Schema.object()
            .optional("givenName", Schema.string("Given (first) name").minLength(1).maxLength(255))
            .optional("familyName", Schema.string("Family (last) name").minLength(1).maxLength(255)), description);
    }

    /** A user as the caller sees it: id, userName (email), displayName (Docker ID), active, name, group names. */
    static JsonNode user(JsonNode user, boolean verbose) {
        if (verbose || !user.isObject()) {
            return user;
        }
        var out = Json.pick(user, "id", "userName", "displayName", "active", "name");
        JsonNode groups = user.get("groups");
        if (groups != null && groups.isArray() && !groups.isEmpty()) {
            var names = out.putArray("groups");
            groups.forEach(g -> names.add(g.isObject() ? g.path("display").asText(g.path("value").asText())
                : g.asText()));
        }
        return out;
    }

    static Schema.ObjectBuilder userOutput() {
        return Schema.object()
            .optional("id", Schema.string("SCIM user id"))
            .optional("userName", Schema.string("Email address"))
            .optional("displayName", Schema.string("Docker ID"))
            .optional("active", Schema.bool(null))
            .optional("name", Schema.objectProp("givenName, familyName"))
            .optional("groups", Schema.array(Schema.string(null), "Team names"))
            .allowAdditional();
    }
}
