package dev.dockerhubmcp.dist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHub;
import dev.dockerhubmcp.testkit.FakeScout;
import dev.dockerhubmcp.testkit.RecordedRequest;
import dev.dockerhubmcp.testkit.registry.FakeRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled plugin jars are standard Java service providers: plain {@link ServiceLoader} finds every one from a
 * class path of the jars alone, with no PF4J plugin manager (PF4J's jar is on the class path only for the
 * {@code ExtensionPoint} marker interface), and each one's action runs through the testkit harness against the fakes.
 */
class ServiceLoaderPluginsIT {
    private static final String PAT = "dckr_pat_serviceloader";
    private static final String SCIM = "scim-serviceloader";

    private static URLClassLoader jars;
    private static Map<String, DockerHubPlugin> plugins;

    @BeforeAll
    static void loadWithServiceLoader() throws IOException {
        List<Path> files;
        try (var s = Files.list(Dist.bundledPlugins())) {
            files = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        URL[] urls = new URL[files.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = files.get(i).toUri().toURL();
        }
        jars = new URLClassLoader("bundled-plugins", urls, ServiceLoaderPluginsIT.class.getClassLoader());
        plugins = new TreeMap<>();
        for (DockerHubPlugin p : ServiceLoader.load(DockerHubPlugin.class, jars)) {
            assertSame(jars, p.getClass().getClassLoader(), p.getClass() + " came from its jar");
            assertEquals(null, plugins.put(p.id(), p), "one provider per plugin: " + p.id());
        }
    }

    @AfterAll
    static void close() throws IOException {
        jars.close();
    }

    @Test
    void everyBundledJarIsAServiceProviderAndNoneIsOnTheTestClassPath() throws IOException {
        assertEquals(new TreeSet<>(Dist.bundledIds()), plugins.keySet());
        assertEquals(9, plugins.size(), plugins.keySet().toString());
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.dockerhubmcp.plugins.admin.AdminPlugin",
            false, ServiceLoaderPluginsIT.class.getClassLoader()));
    }

    private static JsonNode ok(ActionHarness h, String plugin, String action, String args) {
        Result r = h.call(plugins.get(plugin), action, args);
        assertFalse(r.isError(), plugin + " " + action + ": " + r);
        return h.envelope(r).path("data");
    }

    private static void sent(FakeHub hub, String method, String path) {
        List<RecordedRequest> seen = hub.requests(method, path);
        assertEquals(1, seen.size(), method + " " + path + " in " + hub.requestLines());
    }

    @Test
    void eachHubPluginRunsAnActionAgainstTheFakeHub() {
        try (FakeHub hub = FakeHub.start().user("alice", PAT).scimToken(SCIM);
             ActionHarness h = ActionHarness.builder().hub(hub.url()).credentials("alice", PAT).scimToken(SCIM)
                 .build()) {
            assertEquals("alice", ok(h, "admin", "whoami", "{}").path("identity").asText());

            hub.on("GET", "/v2/access-tokens").respond(200, "{\"count\":1,\"next\":null,\"previous\":null,"
                + "\"active_count\":1,\"results\":[{\"uuid\":\"b30bbf97-506c-4ecd-aabc-842f3cb484fb\","
                + "\"token_label\":\"ci\",\"scopes\":[\"repo:read\"],\"is_active\":true}]}");
            assertEquals(1, ok(h, "auth", "list_pats", "{}").path("count").asInt());
            sent(hub, "GET", "/v2/access-tokens");

            hub.on("GET", "/v2/namespaces/alice/repositories").respond(200, "{\"count\":1,\"next\":null,"
                + "\"previous\":null,\"results\":[{\"name\":\"web\",\"namespace\":\"alice\",\"is_private\":false}]}");
            assertEquals(1, ok(h, "repos", "list", "{\"namespace\":\"alice\"}").path("count").asInt());
            sent(hub, "GET", "/v2/namespaces/alice/repositories");

            hub.on("GET", "/v2/orgs/acme/settings").respond(200,
                "{\"restricted_images\":{\"enabled\":true,\"allow_official_images\":true,"
                    + "\"allow_verified_publishers\":false}}");
            assertTrue(ok(h, "org", "get_settings", "{\"org\":\"acme\"}").toString().contains("allow_official_images"));
            sent(hub, "GET", "/v2/orgs/acme/settings");

            hub.on("GET", "/v2/orgs/acme/groups").respond(200, "{\"count\":1,\"next\":null,\"previous\":null,"
                + "\"results\":[{\"id\":10,\"uuid\":\"8f1d\",\"name\":\"developers\",\"description\":\"Devs\","
                + "\"member_count\":4}]}");
            assertTrue(ok(h, "teams", "list", "{\"org\":\"acme\"}").toString().contains("developers"));
            sent(hub, "GET", "/v2/orgs/acme/groups");

            hub.on("GET", "/v2/auditlogs/acme/actions").respond(200, "{\"actions\":{\"repo\":{\"label\":"
                + "\"Repository\",\"actions\":[{\"name\":\"repo.create\",\"description\":\"repository create\","
                + "\"label\":\"Create\"}]}}}");
            assertTrue(ok(h, "audit", "actions", "{\"account\":\"acme\"}").toString().contains("repo.create"));
            sent(hub, "GET", "/v2/auditlogs/acme/actions");

            hub.on("GET", "/v2/scim/2.0/ServiceProviderConfig").respond(200, "{\"schemas\":["
                + "\"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig\"],\"patch\":{\"supported\":false},"
                + "\"filter\":{\"supported\":true,\"maxResults\":99999}}");
            assertTrue(ok(h, "scim", "service_provider_config", "{}").toString().contains("99999"));
            sent(hub, "GET", "/v2/scim/2.0/ServiceProviderConfig");
        }
    }

    @Test
    void registryListsTagsOfTheFakeRegistry() {
        try (FakeRegistry registry = FakeRegistry.start();
             ActionHarness h = ActionHarness.builder().registry(registry.url()).registryAuth(registry.tokenRealm())
                 .build()) {
            registry.addTags("team/app", List.of("v1", "v2"));
            JsonNode data = ok(h, "registry", "list_tags", "{\"repository\":\"team/app\"}");
            assertEquals("[\"v1\",\"v2\"]", data.path("tags").toString());
        }
    }

    @Test
    void scoutListsHardenedImagesFromTheFakeScout() {
        try (FakeHub hub = FakeHub.start().user("alice", PAT);
             FakeScout scout = FakeScout.start();
             ActionHarness h = ActionHarness.builder().hub(hub.url()).scout(scout.url()).credentials("alice", PAT)
                 .build()) {
            scout.onField("dhiListMirroredRepositories", "{\"data\":{\"dhiListMirroredRepositories\":{"
                + "\"totalCount\":1,\"canMirrorMoreRepositories\":true,\"mirroredRepositories\":[{\"id\":\"m1\","
                + "\"destinationRepository\":{\"hostname\":\"docker.io\",\"namespace\":\"myorg\",\"name\":\"dhi-node\"},"
                + "\"dhiSourceRepository\":{\"hostname\":\"docker.io\",\"namespace\":\"dhi\",\"name\":\"node\","
                + "\"displayName\":\"Node.js\"}}]}}}");
            JsonNode data = ok(h, "scout", "hardened_images", "{\"organization\":\"myorg\"}");
            assertEquals(1, data.path("mirrored").asInt());
            assertEquals("myorg/dhi-node", data.path("repositories").get(0).path("repository").asText());
            assertEquals(1, scout.queries().size());
        }
    }
}
