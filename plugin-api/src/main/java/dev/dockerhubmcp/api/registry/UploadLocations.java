package dev.dockerhubmcp.api.registry;

import dev.dockerhubmcp.api.ActionException;

import java.net.URI;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Upload session locations stay on the registry: an absolute {@code location} must have the registry's own scheme,
 * host and port; a relative one (starting with {@code /}) is taken below the registry's base URL. Anything else is
 * refused before a request is built, so no byte of a body leaves for another host.
 */
public final class UploadLocations {
    private UploadLocations() {
    }

    /** Why {@code location} may not be used with the registry at {@code base}, or null when it may. */
    public static String problem(URI base, String location) {
        requireNonNull(base, "base is null");
        if (location == null || location.isBlank()) {
            return "the upload location is empty";
        }
        URI loc;
        try {
            loc = URI.create(location.trim());
        } catch (IllegalArgumentException e) {
            return "not a valid upload location: " + e.getMessage();
        }
        if (loc.getRawFragment() != null) {
            return "an upload location has no fragment";
        }
        if (loc.getRawUserInfo() != null) {
            return "an upload location carries no user information";
        }
        if (loc.isAbsolute() || loc.getRawAuthority() != null) {
            String scheme = loc.getScheme() == null ? base.getScheme() : loc.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                return "an upload location must be http(s): " + location;
            }
            if (!scheme.equalsIgnoreCase(base.getScheme()) || loc.getHost() == null
                || !loc.getHost().equalsIgnoreCase(base.getHost()) || port(scheme, loc) != port(base.getScheme(), base)) {
                return "the upload location " + scheme.toLowerCase(Locale.ROOT) + "://" + loc.getRawAuthority()
                    + " is not the registry " + base.getScheme() + "://" + base.getRawAuthority()
                    + "; uploads only go to the registry itself";
            }
            return null;
        }
        if (loc.getRawPath() == null || !loc.getRawPath().startsWith("/")) {
            return "a relative upload location must start with '/': " + location;
        }
        if (loc.getRawPath().contains("/../") || loc.getRawPath().endsWith("/..")) {
            return "an upload location may not contain '..'";
        }
        return null;
    }

    /**
     * The URL {@code location} names on the registry at {@code base}; a validation error naming 'location' when it
     * points anywhere else.
     */
    public static URI resolve(URI base, String location) {
        String problem = problem(base, location);
        if (problem != null) {
            throw ActionException.validation("'location': " + problem);
        }
        URI loc = URI.create(location.trim());
        if (loc.isAbsolute()) {
            return loc;
        }
        if (loc.getRawAuthority() != null) {
            return URI.create(base.getScheme() + ":" + loc);
        }
        return URI.create(base + loc.toString());
    }

    private static int port(String scheme, URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
