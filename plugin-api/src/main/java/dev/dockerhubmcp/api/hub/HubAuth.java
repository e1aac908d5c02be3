package dev.dockerhubmcp.api.hub;

/** Which credential a Hub request carries. */
public enum HubAuth {
    /** The Hub JWT; an error naming what to set when no credentials are configured. */
    JWT,
    /** The Hub JWT when credentials exist, anonymous otherwise (public repositories, tags). */
    OPTIONAL,
    /** Never any credential (search, login, token mint). */
    NONE,
    /** The SCIM bearer token ({@code DOCKERHUB_SCIM_TOKEN}); an error naming it when unset. */
    SCIM
}
