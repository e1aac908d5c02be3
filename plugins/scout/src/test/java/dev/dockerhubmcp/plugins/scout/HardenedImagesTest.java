package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HardenedImagesTest {

    @Test
    void mirroredRepositoriesSortedAndPaged() {
        try (ScoutRig rig = new ScoutRig()) {
            Answers.standard(rig, "hardened_images", false);
            Result r = rig.call("hardened_images", "{\"organization\":\"myorg\",\"page_size\":2}");
            assertFalse(r.isError(), String.valueOf(r.error()));
            assertEquals("myorg", rig.variablesOf("ScoutHardenedImages").path("context").path("organization").asText());
            assertTrue(rig.registry.requests().isEmpty());
            JsonNode d = r.data();
            assertEquals(3, d.path("mirrored").asInt());
            assertTrue(d.path("can_mirror_more").asBoolean());
            assertEquals(3, d.path("total").asInt());
            assertEquals(2, d.path("repositories").size());
            assertEquals("myorg/dhi-node", d.path("repositories").get(0).path("repository").asText());
            assertEquals("dhi/node", d.path("repositories").get(0).path("source").asText());
            assertEquals("Node.js", d.path("repositories").get(0).path("display_name").asText());
            assertEquals(2, d.path("next_page").asInt());
        }
        try (ScoutRig rig = new ScoutRig()) {
            Answers.standard(rig, "hardened_images", false);
            Result r = rig.call("hardened_images", "{\"organization\":\"myorg\",\"page\":2,\"page_size\":2,"
                + "\"verbose\":true}");
            assertEquals(1, r.data().path("repositories").size());
            assertEquals("m3", r.data().path("repositories").get(0).path("id").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"organization\":\"\"}", "{\"organization\":\"myorg\",\"page\":-1}",
        "{\"organization\":\"myorg\",\"image\":\"nginx\"}"})
    void invalidArgumentsSendNothing(String args) {
        try (ScoutRig rig = new ScoutRig()) {
            ObjectNode env = rig.envelope(rig.call("hardened_images", args));
            assertEquals("validation", env.path("error").path("type").asText(), env.toString());
            rig.assertNothingSent();
        }
    }
}
