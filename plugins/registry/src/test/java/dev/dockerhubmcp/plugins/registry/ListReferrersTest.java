package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.testkit.registry.FakeRegistry;
import dev.dockerhubmcp.testkit.registry.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.dockerhubmcp.plugins.registry.Fixture.call;
import static dev.dockerhubmcp.plugins.registry.Fixture.codes;
import static dev.dockerhubmcp.plugins.registry.Fixture.failed;
import static dev.dockerhubmcp.plugins.registry.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListReferrersTest {
    static Fixture f;

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void referrersApiWithArtifactTypeFilter() {
        try (FakeRegistry fake = FakeRegistry.start(); var h = FakeFixture.harness(fake, false)) {
            TestImages.Image img = TestImages.image("linux/amd64", "subject");
            String subject = fake.putImage("team/app", "v1", img);
            TestImages.Blob sig = TestImages.referrer("application/vnd.dev.cosign.simplesigning.v1+json",
                img.manifest(), "{\"sig\":1}");
            TestImages.Blob sbom = TestImages.referrer("application/spdx+json", img.manifest(), "{\"sbom\":1}");
            fake.putManifest("team/app", null, sig);
            fake.putManifest("team/app", null, sbom);

            JsonNode all = ok(call(h, "list_referrers", "repository", "team/app", "digest", subject));
            assertEquals("referrers_api", all.path("source").asText());
            assertEquals(2, all.path("count").asInt());

            JsonNode onlySbom = ok(call(h, "list_referrers", "repository", "team/app", "digest", subject,
                "artifact_type", "application/spdx+json"));
            assertEquals(1, onlySbom.path("count").asInt());
            assertEquals(sbom.digest(), onlySbom.path("referrers").get(0).path("digest").asText());
            assertEquals("application/spdx+json", onlySbom.path("referrers").get(0).path("artifact_type").asText());
            assertTrue(fake.requests().contains("GET /v2/team/app/referrers/" + subject
                + "?artifactType=application%2Fspdx%2Bjson"), fake.requests().toString());
        }
    }

    @Test
    void fallsBackToTheTagSchemaOn404AndFiltersItself() {
        try (FakeRegistry fake = FakeRegistry.start().referrersApi(false); var h = FakeFixture.harness(fake, false)) {
            TestImages.Image img = TestImages.image("linux/amd64", "subject");
            String subject = fake.putImage("team/app", "v1", img);
            TestImages.Blob sig = TestImages.referrer("application/vnd.dev.cosign.simplesigning.v1+json",
                img.manifest(), "{}");
            TestImages.Blob sbom = TestImages.referrer("application/spdx+json", img.manifest(), "{}");
            String fallbackIndex = "{\"schemaVersion\":2,\"mediaType\":\"" + TestImages.OCI_INDEX + "\",\"manifests\":["
                + withType(sig, "application/vnd.dev.cosign.simplesigning.v1+json") + ","
                + withType(sbom, "application/spdx+json") + "]}";
            fake.putManifest("team/app", subject.replace(':', '-'), TestImages.OCI_INDEX,
                fallbackIndex.getBytes(java.nio.charset.StandardCharsets.UTF_8));

            var r = call(h, "list_referrers", "repository", "team/app", "digest", subject,
                "artifact_type", "application/spdx+json");
            JsonNode d = ok(r);
            assertEquals("tag_schema", d.path("source").asText());
            assertEquals(1, d.path("count").asInt());
            assertEquals(sbom.digest(), d.path("referrers").get(0).path("digest").asText());
            assertTrue(r.warnings().get(0).contains("no referrers API"));

            JsonNode none = ok(call(h, "list_referrers", "repository", "team/app",
                "digest", "sha256:" + "1".repeat(64)));
            assertEquals("tag_schema", none.path("source").asText());
            assertEquals(0, none.path("count").asInt());
        }
    }

    @Test
    void realRegistryWithoutReferrersApiUsesTheTagSchema() {
        TestImages.Image img = TestImages.image("linux/amd64", "subject");
        String subject = TestImages.push(f.client(), "team/refs", "v1", img);
        JsonNode d = ok(call(f.alice(), "list_referrers", "repository", "team/refs", "digest", subject));
        assertEquals("tag_schema", d.path("source").asText(), "distribution 2.8 has no referrers API");
        assertEquals(0, d.path("count").asInt());
    }

    private static String withType(TestImages.Blob b, String type) {
        var d = b.descriptor();
        d.put("artifactType", type);
        return d.toString();
    }
}
