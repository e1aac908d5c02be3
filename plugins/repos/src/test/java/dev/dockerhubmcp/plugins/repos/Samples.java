package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HexFormat;
import java.util.Random;

/** Hub answers shaped like the real ones (and the document's schemas), for the fakes. */
final class Samples {
    static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {
    }

    static final String REPOSITORY_INFO = """
        {"user":"alice","name":"web","namespace":"alice","repository_type":"image","status":1,
         "status_description":"active","description":"Web front end","is_private":false,"is_automated":false,
         "star_count":3,"pull_count":1234,"last_updated":"2025-01-20T10:30:00Z",
         "last_modified":"2025-01-20T10:30:00Z","date_registered":"2024-03-02T08:00:00Z","collaborator_count":0,
         "affiliation":"owner","hub_user":"alice","has_starred":false,"full_description":"# web\\nThe front end.",
         "permissions":{"read":true,"write":true,"admin":true},"media_types":["application/vnd.oci.image.index.v1+json"],
         "content_types":["image"],"categories":[{"name":"Web servers","slug":"web-servers"}],
         "immutable_tags_settings":{"enabled":false,"rules":[]},"storage_size":52428800,"source":null}""";

    static final String REPOSITORY_LIST = """
        {"count":2,"next":null,"previous":null,"results":[
         {"name":"web","namespace":"alice","repository_type":"image","status":1,"status_description":"active",
          "description":"Web front end","is_private":false,"star_count":3,"pull_count":1234,
          "last_updated":"2025-01-20T10:30:00Z","last_modified":"2025-01-20T10:30:00Z",
          "date_registered":"2024-03-02T08:00:00Z","affiliation":"","media_types":["application/vnd.oci.image.index.v1+json"],
          "content_types":["image"],"categories":[],"storage_size":52428800},
         {"name":"api","namespace":"alice","repository_type":"image","status":1,"status_description":"active",
          "description":null,"is_private":true,"star_count":0,"pull_count":17,
          "last_updated":"2025-02-01T09:00:00Z","last_modified":null,
          "date_registered":"2024-05-02T08:00:00Z","affiliation":"","media_types":[],
          "content_types":["image"],"categories":[],"storage_size":1048576}]}""";

    static final String TAG = """
        {"creator":7,"id":42,"images":[
          {"architecture":"amd64","features":"","variant":null,"digest":"sha256:%1$s","os":"linux","os_features":"",
           "os_version":null,"size":71234567,"status":"active","last_pulled":"2025-02-02T00:00:00Z",
           "last_pushed":"2025-01-20T10:30:00Z"},
          {"architecture":"arm","features":"","variant":"v7","digest":"sha256:%2$s","os":"linux","os_features":"",
           "os_version":null,"size":65234567,"status":"active","last_pulled":null,
           "last_pushed":"2025-01-20T10:30:00Z"}],
         "last_updated":"2025-01-20T10:30:00Z","last_updater":7,"last_updater_username":"alice","name":"1.0",
         "repository":99,"full_size":71234567,"v2":true,"tag_status":"active","tag_last_pulled":"2025-02-02T00:00:00Z",
         "tag_last_pushed":"2025-01-20T10:30:00Z","media_type":"application/vnd.oci.image.index.v1+json",
         "content_type":"image","digest":"sha256:%3$s","status":"active"}""".formatted("a".repeat(64), "b".repeat(64),
        "c".repeat(64));

    static String tagList(String... tags) {
        return "{\"count\":" + tags.length + ",\"next\":null,\"previous\":null,\"results\":[" + String.join(",", tags)
            + "]}";
    }

    static final String SEARCH = """
        {"total":2,"results":[
          {"id":"library/postgres","name":"postgres","slug":"postgres","type":"image",
           "publisher":{"id":"docker","name":"Docker Official Images"},"created_at":"2014-06-05T19:07:10Z",
           "updated_at":"2025-02-01T00:00:00Z","short_description":"The PostgreSQL object-relational database.",
           "badge":"official","star_count":14000,"pull_count":"1B+",
           "operating_systems":[{"name":"linux","label":"Linux"}],
           "architectures":[{"name":"amd64","label":"x86-64"},{"name":"arm64","label":"ARM 64"}],
           "logo_url":{"large":"https://example.invalid/l.png","small":"https://example.invalid/s.png"},
           "extension_reviewed":false,"categories":[{"slug":"databases","name":"Databases"}],"archived":false},
          {"id":"bitnami/postgresql","name":"bitnami/postgresql","slug":"bitnami-postgresql","type":"image",
           "publisher":{"id":"bitnami","name":"VMware"},"created_at":"2017-01-01T00:00:00Z",
           "updated_at":"2025-02-01T00:00:00Z","short_description":"Bitnami PostgreSQL",
           "badge":"verified_publisher","star_count":250,"pull_count":"100M+","operating_systems":[],
           "architectures":[],"logo_url":null,"extension_reviewed":false,"categories":[],"archived":false}]}""";

    static final String ORGS = """
        {"count":1,"next":null,"previous":null,"results":[
          {"id":"1","uuid":"0d5a7b9e-1111-2222-3333-444455556666","orgname":"acme","full_name":"Acme Inc",
           "location":"","company":"Acme","profile_url":"","date_joined":"2020-01-01T00:00:00Z","gravatar_email":"",
           "gravatar_url":"https://gravatar.invalid/x","type":"Organization","badge":"","is_active":true,
           "user_role":"owner","user_groups":["owners"],"org_groups_count":3,"plan_name":"team","parent_name":null}]}""";

    private static final String[][] PLATFORMS = {
        {"linux", "amd64", null}, {"linux", "arm", "v5"}, {"linux", "arm", "v7"}, {"linux", "arm64", "v8"},
        {"linux", "386", null}, {"linux", "mips64le", null}, {"linux", "ppc64le", null}, {"linux", "s390x", null}};

    /**
     * A page of 100 tags like an official multi-arch image's (eight platforms each, the fields the Hub really sends
     * in a list answer), with deterministic digests.
     */
    static ObjectNode realisticTagPage(int tags) {
        Random random = new Random(42);
        ObjectNode page = JSON.createObjectNode();
        page.put("count", 912);
        page.put("next", "https://hub.docker.com/v2/namespaces/library/repositories/nginx/tags?page=2&page_size="
            + tags);
        page.putNull("previous");
        ArrayNode results = page.putArray("results");
        for (int i = 0; i < tags; i++) {
            ObjectNode t = results.addObject();
            t.put("creator", 7);
            t.put("id", 100_000 + i);
            ArrayNode images = t.putArray("images");
            long total = 0;
            for (String[] p : PLATFORMS) {
                ObjectNode img = images.addObject();
                img.put("architecture", p[1]);
                img.put("features", "");
                if (p[2] == null) {
                    img.putNull("variant");
                } else {
                    img.put("variant", p[2]);
                }
                img.put("digest", "sha256:" + hex(random));
                img.put("os", p[0]);
                img.put("os_features", "");
                img.putNull("os_version");
                long size = 60_000_000L + random.nextInt(20_000_000);
                total = Math.max(total, size);
                img.put("size", size);
                img.put("status", "active");
                img.put("last_pulled", "2025-02-0" + (1 + i % 9) + "T12:34:56.123456Z");
                img.put("last_pushed", "2025-01-" + (10 + i % 19) + "T08:15:30.654321Z");
            }
            t.put("last_updated", "2025-01-" + (10 + i % 19) + "T08:15:31.000001Z");
            t.put("last_updater", 1156886);
            t.put("last_updater_username", "doijanky");
            t.put("name", "1." + (27 - i / 20) + "." + (i % 20) + (i % 3 == 0 ? "-alpine" : i % 3 == 1 ? "-bookworm" : ""));
            t.put("repository", 21_179);
            t.put("full_size", total);
            t.put("v2", true);
            t.put("tag_status", "active");
            t.put("tag_last_pulled", "2025-02-0" + (1 + i % 9) + "T12:34:56.123456Z");
            t.put("tag_last_pushed", "2025-01-" + (10 + i % 19) + "T08:15:30.654321Z");
            t.put("media_type", "application/vnd.oci.image.index.v1+json");
            t.put("content_type", "image");
            t.put("digest", "sha256:" + hex(random));
        }
        return page;
    }

    private static String hex(Random random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
