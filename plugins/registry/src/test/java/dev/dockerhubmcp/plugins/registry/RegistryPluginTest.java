package dev.dockerhubmcp.plugins.registry;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.Effect;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryPluginTest {
    private final RegistryPlugin plugin = new RegistryPlugin();

    @Test
    void identity() {
        assertEquals("registry", plugin.id());
        assertEquals("hub_registry", plugin.toolName());
        assertEquals("REGISTRYTOOL", plugin.toggle());
    }

    @Test
    void everyActionOfTheCatalogueWithItsEffect() {
        Map<String, Effect> effects = plugin.actions().stream().collect(Collectors.toMap(Action::name, Action::effect));
        for (String read : List.of("api_version", "list_tags", "get_manifest", "check_manifest", "resolve_digest",
            "list_platforms", "get_config", "inspect", "get_blob", "check_blob", "list_referrers")) {
            assertEquals(Effect.READ, effects.get(read), read);
        }
        for (String d : List.of("start_upload", "upload_chunk", "complete_upload", "mount_blob", "put_manifest",
            "delete_manifest", "delete_blob", "push_blob")) {
            assertEquals(Effect.DESTRUCTIVE, effects.get(d), d);
        }
        assertEquals(19, effects.size());
        assertTrue(!effects.containsKey("catalog") && !effects.containsKey("list_catalog"), "_catalog stays out");
    }

    @Test
    void repositoryPatternAcceptsUsualSpellingsAndRefusesOthers() {
        var p = java.util.regex.Pattern.compile(Params.REPOSITORY_PATTERN);
        for (String ok : List.of("nginx", "library/nginx", "docker.io/library/nginx", "index.docker.io/nginx",
            "myorg/app", "a/b/c", "my-org/my_app.v2")) {
            assertTrue(p.matcher(ok).matches(), ok);
        }
        for (String bad : List.of("Nginx", "nginx:latest", "../x", "a//b", "/a", "a/", "ghcr.io/x/y:z")) {
            assertTrue(!p.matcher(bad).matches(), bad);
        }
    }

    @Test
    void everyInputSchemaIsClosedAndRequiresRepositoryWhereItTalksToARepository() {
        for (Action a : plugin.actions()) {
            assertEquals(false, a.inputSchema().path("additionalProperties").asBoolean(true), a.name());
            if (!a.name().equals("api_version")) {
                assertTrue(a.inputSchema().path("required").toString().contains("repository"), a.name());
            }
        }
    }
}
