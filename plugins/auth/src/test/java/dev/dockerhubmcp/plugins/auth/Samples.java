package dev.dockerhubmcp.plugins.auth;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Hub answers for the token actions, shaped like the document's schemas. */
final class Samples {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PAT_UUID = "b30bbf97-506c-4ecd-aabc-842f3cb484fb";
    static final String OAT_ID = "a7a5ef25-8889-43a0-8cc7-f2a94268e861";
    static final String NEW_PAT = "dckr_pat_7awgM4jG5SQvxcvmNzhKj8PQjxo";
    static final String NEW_OAT = "dckr_oat_7awgM4jG5SQvxcvmNzhKj8PQjxo";

    private Samples() {
    }

    static final String PAT = """
        {"uuid":"%s","client_id":"HUB","creator_ip":"203.0.113.9","creator_ua":"Mozilla/5.0",
         "created_at":"2021-07-20T12:00:00.000000Z","last_used":null,"generated_by":"manual","is_active":true,
         "token":"","token_label":"ci read","scopes":["repo:read"],"expires_at":"2030-10-28T18:30:19.520861Z"}"""
        .formatted(PAT_UUID);

    static final String PAT_CREATED = PAT.replace("\"token\":\"\"", "\"token\":\"" + NEW_PAT + "\"");

    static final String PAT_LIST = """
        {"count":11,"next":"https://hub.docker.com/v2/access-tokens?page=2&page_size=10","previous":null,
         "active_count":9,"results":[%s]}""".formatted(PAT);

    static final String OAT = """
        {"id":"%s","label":"ci","created_by":"alice","is_active":true,"created_at":"2022-05-20T00:54:18Z",
         "expires_at":null,"last_used_at":"2022-06-15T12:30:45Z",
         "resources":[{"type":"TYPE_REPO","path":"acme/web","scopes":["repo-pull"]}]}""".formatted(OAT_ID);

    static final String OAT_CREATED = OAT.replace("\"label\":\"ci\"", "\"label\":\"ci\",\"token\":\"" + NEW_OAT + "\"");

    static final String OAT_LIST = """
        {"total":3,"next":"https://hub.docker.com/v2/orgs/acme/access-tokens?page=2&page_size=1",
         "previous":null,"results":[%s]}""".formatted(OAT.replaceFirst(",\\s*\"resources\".*]}", "}"));

    /** An unsigned JWT naming {@code username}, expiring at {@code exp}. */
    static String jwt(String username, Instant exp) {
        return b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"u-1\",\"exp\":" + exp.getEpochSecond()
            + ",\"https://hub.docker.com\":{\"username\":\"" + username + "\"}}") + "." + b64("signature-bytes");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
