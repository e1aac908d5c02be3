package com.example.hello;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.ActionHarness;
import dev.dockerhubmcp.testkit.FakeHub;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a third party tests a plugin: the testkit's fake Hub and the harness that runs actions as the host does. */
class HelloPluginTest {

    @Test
    void greets() {
        try (ActionHarness h = ActionHarness.builder().build()) {
            Result r = h.call(new HelloPlugin(), "greet", "{\"name\":\"Ada\"}");
            assertEquals("Hello, Ada!", r.data().path("greeting").asText());
        }
    }

    @Test
    void countsRepositoriesWithOneHubCall() {
        try (FakeHub hub = FakeHub.start().requireAuth(false);
             ActionHarness h = ActionHarness.builder().hub(hub.url()).build()) {
            hub.on("GET", "/v2/namespaces/library/repositories").respond(200, "{\"count\":178,\"results\":[]}");
            ObjectNode envelope = h.envelope(h.call(new HelloPlugin(), "repo_count", "{\"namespace\":\"library\"}"));
            assertEquals(178, envelope.path("data").path("repositories").asInt());
            assertEquals("1", hub.lastRequest().queryParam("page_size").orElseThrow());
        }
    }

    @Test
    void badNamespaceIsRefusedBeforeAnyRequest() {
        try (FakeHub hub = FakeHub.start().requireAuth(false);
             ActionHarness h = ActionHarness.builder().hub(hub.url()).build()) {
            Result r = h.call(new HelloPlugin(), "repo_count", "{\"namespace\":\"Not/Valid\"}");
            assertTrue(r.isError());
            assertTrue(r.error().message().contains("'namespace'"), r.error().message());
            assertEquals(0, hub.requests().size());
        }
    }
}
