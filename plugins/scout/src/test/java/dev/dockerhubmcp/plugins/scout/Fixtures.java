package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.testkit.FakeResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small world for the scout tests: nginx:1.27 and nginx:1.25 as multi-arch indexes, myorg/app:1.0 as a single
 * image, and Scout answers shaped by the schema for each field the plugin asks for.
 */
final class Fixtures {
    static final String NGINX_127_AMD64 = "sha256:" + FakeRegistry.sha("nginx-1.27-amd64");
    static final String NGINX_127_ARM64 = "sha256:" + FakeRegistry.sha("nginx-1.27-arm64");
    static final String NGINX_125_AMD64 = "sha256:" + FakeRegistry.sha("nginx-1.25-amd64");
    static final String NGINX_125_ARM64 = "sha256:" + FakeRegistry.sha("nginx-1.25-arm64");
    static final String BASE_DIGEST = "sha256:" + FakeRegistry.sha("debian-bookworm-slim-amd64");

    /** Registry content; returns the digests: nginx127 (index), nginx125 (index), app. */
    static Map<String, String> registry(FakeRegistry r) {
        Map<String, String> d = new LinkedHashMap<>();
        Map<String, String> c127 = new LinkedHashMap<>();
        c127.put("linux/amd64", NGINX_127_AMD64);
        c127.put("linux/arm64/v8", NGINX_127_ARM64);
        d.put("nginx127", r.index("library/nginx", "1.27", c127));
        Map<String, String> c125 = new LinkedHashMap<>();
        c125.put("linux/amd64", NGINX_125_AMD64);
        c125.put("linux/arm64/v8", NGINX_125_ARM64);
        d.put("nginx125", r.index("library/nginx", "1.25", c125));
        d.put("app", r.image("myorg/app", "1.0", "app-1.0"));
        return d;
    }

    static JsonNode json(String text) {
        try {
            return ScoutRig.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static String data(String field, JsonNode value) {
        ObjectNode root = ScoutRig.MAPPER.createObjectNode();
        root.putObject("data").set(field, value);
        return root.toString();
    }

    // ---- summary -----------------------------------------------------------------------------------------------

    static String summary(String digest) {
        return """
            {"data":{
              "imageSummariesByDigest":[{"digest":"%s","sbomState":"INDEXED",
                "vulnerabilityReport":{"critical":1,"high":3,"medium":0,"low":1,"unspecified":1,"total":6}}],
              "imageDetailsByDigest":{"digest":"%s","packageCount":3,
                "platform":{"os":"linux","architecture":"amd64","variant":null},
                "baseImage":{"digest":"%s","repository":{"hostName":"hub.docker.com","repoName":"debian"},
                  "tags":[{"name":"bookworm","current":false},{"name":"bookworm-slim","current":true}]},
                "baseImageTag":{"name":"bookworm-slim"}}}}
            """.formatted(digest, digest, BASE_DIGEST);
    }

    // ---- packages and vulnerabilities --------------------------------------------------------------------------

    static final String OPENSSL = "pkg:deb/debian/openssl@3.0.11-1?os_distro=bookworm";
    static final String ZLIB = "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?os_distro=bookworm";
    static final String LODASH = "pkg:npm/lodash@4.17.20";
    static final String LODASH_NEW = "pkg:npm/lodash@4.17.21";
    static final String CURL = "pkg:deb/debian/curl@7.88.1-10?os_distro=bookworm";

    static ObjectNode pkg(String purl, String name, String version, String type, String namespace, String license,
                          String diffId) {
        ObjectNode entry = ScoutRig.MAPPER.createObjectNode();
        ObjectNode p = entry.putObject("package");
        p.put("purl", purl);
        p.put("name", name);
        p.put("version", version);
        p.put("type", type);
        p.put("namespace", namespace);
        p.putArray("licenses").add(license);
        entry.putArray("locations").addObject().put("path", "/var/lib/" + name).put("diffId", diffId);
        return entry;
    }

    /** imagePackagesByDigest for nginx 1.27 (openssl, zlib1g, lodash over three layers). */
    static ObjectNode packages127(String digest) {
        ObjectNode r = ScoutRig.MAPPER.createObjectNode();
        r.put("digest", digest);
        r.put("sbomState", "INDEXED");
        ArrayNode layers = r.putObject("imageLayers").putArray("layers");
        for (int i = 0; i < 3; i++) {
            layers.addObject().put("diffId", "sha256:layer" + i).put("ordinal", i);
        }
        ArrayNode pkgs = r.putObject("imagePackages").putArray("packages");
        pkgs.add(pkg(OPENSSL, "openssl", "3.0.11-1", "deb", "debian", "OpenSSL", "sha256:layer0"));
        pkgs.add(pkg(ZLIB, "zlib1g", "1:1.2.13.dfsg-1", "deb", "debian", "Zlib", "sha256:layer0"));
        pkgs.add(pkg(LODASH, "lodash", "4.17.20", "npm", null, "MIT", "sha256:layer2"));
        return r;
    }

    /** imagePackagesByDigest for nginx 1.25 (openssl, zlib1g, lodash 4.17.21, curl). */
    static ObjectNode packages125(String digest) {
        ObjectNode r = packages127(digest);
        ArrayNode pkgs = (ArrayNode) r.path("imagePackages").path("packages");
        pkgs.remove(2);
        pkgs.add(pkg(LODASH_NEW, "lodash", "4.17.21", "npm", null, "MIT", "sha256:layer2"));
        pkgs.add(pkg(CURL, "curl", "7.88.1-10", "deb", "debian", "curl", "sha256:layer1"));
        return r;
    }

    static ObjectNode vuln(String id, String severity, Double score, String fixedBy, Double epss, boolean cisa,
                           boolean excepted) {
        ObjectNode v = ScoutRig.MAPPER.createObjectNode();
        v.put("sourceId", id);
        v.put("source", "debian");
        v.put("description", "A flaw in " + id);
        v.put("url", "https://scout.docker.com/v/" + id);
        v.putArray("cwes").addObject().put("cweId", "CWE-787");
        ObjectNode cvss = v.putObject("cvss");
        cvss.put("severity", severity);
        if (score == null) {
            cvss.putNull("score");
        } else {
            cvss.put("score", score);
        }
        cvss.put("vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        cvss.put("version", "CVSS_VERSION_3");
        v.put("fixedBy", fixedBy);
        v.put("vulnerableRange", "<" + (fixedBy == null ? "*" : fixedBy));
        v.put("publishedAt", "2024-01-02T03:04:05Z");
        v.put("updatedAt", "2024-02-02T03:04:05Z");
        if (epss == null) {
            v.putNull("epss");
        } else {
            v.putObject("epss").put("score", epss).put("percentile", 0.9).put("priority", "HIGH");
        }
        v.put("cisaExploited", cisa);
        v.put("isExcepted", excepted);
        ArrayNode exceptions = v.putArray("vulnerabilityExceptions");
        if (excepted) {
            exceptions.addObject().put("sourceType", "VEX_STATEMENT").put("type", "FALSE_POSITIVE")
                .put("status", "NOT_AFFECTED").put("justification", "VULNERABLE_CODE_NOT_IN_EXECUTE_PATH")
                .put("documentUrl", "https://example.com/vex.json").putNull("author")
                .put("timestamp", "2024-03-01T00:00:00Z");
        }
        v.putArray("vexStatements");
        return v;
    }

    /** vulnerabilitiesByPackage for nginx 1.27: 6 findings over the three packages. */
    static ArrayNode vulnerabilities127() {
        ArrayNode list = ScoutRig.MAPPER.createArrayNode();
        ObjectNode openssl = list.addObject().put("purl", OPENSSL);
        ArrayNode ov = openssl.putArray("vulnerabilities");
        ov.add(vuln("CVE-2024-0002", "HIGH", 7.5, null, 0.01, false, false));
        ov.add(vuln("CVE-2024-0001", "CRITICAL", 9.8, "3.0.13-1", 0.5, true, false));
        ov.add(vuln("CVE-2024-0003", "LOW", 3.1, "3.0.12-1", null, false, true));
        ObjectNode zlib = list.addObject().put("purl", ZLIB);
        zlib.putArray("vulnerabilities").add(vuln("CVE-2023-1111", "HIGH", 8.1, "1:1.3.dfsg-1", 0.02, false, false));
        ObjectNode lodash = list.addObject().put("purl", LODASH);
        ArrayNode lv = lodash.putArray("vulnerabilities");
        lv.add(vuln("CVE-2021-23337", "HIGH", 7.2, "4.17.21", 0.03, false, false));
        lv.add(vuln("GHSA-aaaa-bbbb-cccc", null, null, null, null, false, false));
        return list;
    }

    /** vulnerabilitiesByPackage for nginx 1.25: openssl's critical and high, zlib's high, curl's medium. */
    static ArrayNode vulnerabilities125() {
        ArrayNode list = ScoutRig.MAPPER.createArrayNode();
        ObjectNode openssl = list.addObject().put("purl", OPENSSL);
        ArrayNode ov = openssl.putArray("vulnerabilities");
        ov.add(vuln("CVE-2024-0002", "HIGH", 7.5, null, 0.01, false, false));
        ov.add(vuln("CVE-2024-0001", "CRITICAL", 9.8, "3.0.13-1", 0.5, true, false));
        ObjectNode zlib = list.addObject().put("purl", ZLIB);
        zlib.putArray("vulnerabilities").add(vuln("CVE-2023-1111", "HIGH", 8.1, "1:1.3.dfsg-1", 0.02, false, false));
        ObjectNode curl = list.addObject().put("purl", CURL);
        curl.putArray("vulnerabilities").add(vuln("CVE-2023-38545", "MEDIUM", 5.0, "7.88.1-10+deb12u4", 0.2, false,
            false));
        return list;
    }

    // ---- policies ----------------------------------------------------------------------------------------------

    static String policySummaries() {
        return """
            {"data":{"goalResultSummaries":{"items":[
              {"policy":{"definitionName":"no-fixable-critical-or-high","configurationName":"default",
                 "displayName":"No fixable critical or high vulnerabilities","resultType":"vulnerabilities",
                 "owner":"DOCKER","enabled":true,"remediationLink":"https://docs.docker.com/scout/policy/"},
               "stream":"latest-indexed","totalImages":10,"compliantImages":6,"unknownImages":1,"totalDeviations":42},
              {"policy":{"definitionName":"approved-base-images","configurationName":"default",
                 "displayName":"Approved base images","resultType":"boolean","owner":"USER","enabled":true,
                 "remediationLink":null},
               "stream":"latest-indexed","totalImages":10,"compliantImages":10,"unknownImages":0,"totalDeviations":0},
              {"policy":{"definitionName":"no-aglp","configurationName":"default","displayName":"No AGPL",
                 "resultType":"licenses","owner":"DOCKER","enabled":false,"remediationLink":null},
               "stream":"latest-indexed","totalImages":0,"compliantImages":0,"unknownImages":0,"totalDeviations":0}
            ]}}}
            """;
    }

    static final String VULN_POLICY = """
        {"__typename":"ScVulnerabilityPolicy","definitionName":"no-fixable-critical-or-high","configurationName":"default",
         "displayName":"No fixable critical or high vulnerabilities","evaluated":true,
         "vulnerabilityResult":{"statusLabel":"Failed","deviationCount":3,"deviations":[
           {"id":"d1","vulnerability":"CVE-2024-0001","purl":"pkg:deb/debian/openssl@3.0.11-1","severity":"CRITICAL",
            "cvssScore":"9.8","fixedBy":"3.0.13-1"},
           {"id":"d2","vulnerability":"CVE-2023-1111","purl":"pkg:deb/debian/zlib1g@1.2.13","severity":"HIGH",
            "cvssScore":"8.1","fixedBy":"1.3"},
           {"id":"d3","vulnerability":"CVE-2021-23337","purl":"pkg:npm/lodash@4.17.20","severity":"HIGH",
            "cvssScore":"7.2","fixedBy":"4.17.21"}]}}
        """;

    static final String BOOLEAN_POLICY = """
        {"definitionName":"approved-base-images","configurationName":"default","displayName":"Approved base images",
         "evaluated":true,"booleanResult":{"statusLabel":"Passed","hasDeviation":false,"deviation":null}}
        """;

    static final String LICENCE_POLICY = """
        {"definitionName":"no-agpl","configurationName":"default","displayName":"No AGPL","evaluated":true,
         "licenceResult":{"statusLabel":"Failed","deviationCount":1,"deviations":[
           {"id":"l1","purl":"pkg:npm/agpl-thing@1.0.0","license":"AGPL-3.0"}]}}
        """;

    static final String GENERIC_POLICY = """
        {"definitionName":"default-non-root-user","configurationName":"default","displayName":"Non-root user",
         "evaluated":false,"genericResult":null}
        """;

    static String goalResultsByDigest(String digest) {
        return """
            {"data":{"goalResultsByDigest":{"digest":"%s","repository":{"hostName":"hub.docker.com","repoName":"myorg/app"},
              "tags":[{"name":"1.0","current":true}],"platform":{"os":"linux","architecture":"amd64","variant":null},
              "policies":[%s,%s,%s,%s]}}}
            """.formatted(digest, VULN_POLICY, BOOLEAN_POLICY, LICENCE_POLICY, GENERIC_POLICY);
    }

    static String goalResults() {
        return """
            {"data":{"goalResults":{"paging":{"totalCount":45},"items":[
              {"latestImage":{"digest":"sha256:%s","repository":{"hostName":"hub.docker.com","repoName":"myorg/app"},
                "tags":[{"name":"1.0","current":true},{"name":"0.9","current":false}],
                "platform":{"os":"linux","architecture":"amd64","variant":null}},
               "policy":%s}]}}}
            """.formatted(FakeRegistry.sha("x"), VULN_POLICY);
    }

    // ---- recommendations ---------------------------------------------------------------------------------------

    static String baseImages() {
        return """
            {"data":{"baseImagesByDigest":[{"layerMatches":[{"layerOrdinal":0}],"images":[
              {"digest":"%s","repository":{"hostName":"hub.docker.com","repoName":"debian"},
               "tags":[{"name":"bookworm-slim","current":true,"supported":true,"digest":"sha256:%s"}],
               "vulnerabilityReport":{"critical":0,"high":2,"medium":5,"low":9,"unspecified":0,"total":16}}]}]}}
            """.formatted(BASE_DIGEST, FakeRegistry.sha("debian-index"));
    }

    static ObjectNode trTag(String name, int high, int score) {
        return (ObjectNode) json("""
            {"digest":"sha256:%s","createdAt":"2024-06-01T00:00:00Z","tags":["%s"],"imageSize":52428800,
             "packageCount":120,"vulnerabilityReport":{"critical":0,"high":%d,"medium":1,"low":2,"unspecified":0,"total":%d},
             "tag":{"name":"%s","os":"debian","framework":null,"runtime":null,"flavor":null,"slim":false},
             "scoring":{"total":%d,"summary":"fewer vulnerabilities"}}
            """.formatted(FakeRegistry.sha(name), name, high, high + 3, name, score));
    }

    static ObjectNode recommendations(String repo, String current, String... better) {
        ObjectNode r = ScoutRig.MAPPER.createObjectNode();
        r.putObject("repository").put("name", repo);
        ObjectNode rec = r.putArray("recommendations").addObject();
        rec.set("currentTag", trTag(current, 4, 0));
        ArrayNode list = rec.putArray("recommendedTags");
        int score = 100;
        for (String b : better) {
            list.add(trTag(b, 0, score--));
        }
        return r;
    }

    // ---- hardened images ---------------------------------------------------------------------------------------

    static String mirrored() {
        return """
            {"data":{"dhiListMirroredRepositories":{"totalCount":3,"canMirrorMoreRepositories":true,
              "mirroredRepositories":[
                {"id":"m2","destinationRepository":{"hostname":"docker.io","namespace":"myorg","name":"dhi-python"},
                 "dhiSourceRepository":{"hostname":"docker.io","namespace":"dhi","name":"python","displayName":"Python"}},
                {"id":"m1","destinationRepository":{"hostname":"docker.io","namespace":"myorg","name":"dhi-node"},
                 "dhiSourceRepository":{"hostname":"docker.io","namespace":"dhi","name":"node","displayName":"Node.js"}},
                {"id":"m3","destinationRepository":{"hostname":"docker.io","namespace":"myorg","name":"dhi-redis"},
                 "dhiSourceRepository":{"hostname":"docker.io","namespace":"dhi","name":"redis","displayName":"Redis"}}
              ]}}}
            """;
    }

    // ---- errors ------------------------------------------------------------------------------------------------

    static FakeResponse graphqlError(Object status, String code, String message) {
        ObjectNode root = ScoutRig.MAPPER.createObjectNode();
        root.putNull("data");
        ObjectNode err = root.putArray("errors").addObject();
        err.put("message", message);
        err.putArray("path").add("someField");
        ObjectNode ext = err.putObject("extensions");
        if (status instanceof Integer i) {
            ext.put("status", i);
        } else if (status != null) {
            ext.put("status", status.toString());
        }
        if (code != null) {
            ext.put("code", code);
        }
        return FakeResponse.json(200, root.toString());
    }

    private Fixtures() {
    }
}
