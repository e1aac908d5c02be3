package dev.dockerhubmcp.testkit;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.engine.http.Credentials;
import dev.dockerhubmcp.engine.http.DefaultUpstreams;
import dev.dockerhubmcp.engine.http.UpstreamConfig;
import dev.dockerhubmcp.api.hub.HubAuth;
import dev.dockerhubmcp.api.hub.HubRequest;
import dev.dockerhubmcp.testkit.prism.PrismServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Proves the contract check can fail: a request the document forbids is answered 422 by Prism. */
class PrismServerTest {
    @Test
    void validRequestPassesAndInvalidOneIsRejected() {
        try (PrismServer prism = PrismServer.start();
             DefaultUpstreams up = new DefaultUpstreams(UpstreamConfig.builder().hubUrl(prism.url())
                 .credentials(Credentials.of("alice", "dckr_pat_x", "test")).build())) {
            assertEquals(200, up.hub().send(HubRequest.get("/v2/namespaces/{}/repositories", "library")
                .query("page_size", 10).auth(HubAuth.OPTIONAL).build()).status());
            ActionException e = assertThrows(ActionException.class, () -> up.hub().send(
                HubRequest.get("/v2/namespaces/{}/repositories", "library").query("page_size", "lots")
                    .auth(HubAuth.OPTIONAL).build()));
            assertEquals(400, e.error().statusCode(), e.getMessage() + "\n" + prism.logTail());
            assertEquals(1, prism.violations().size(), prism.logTail());
            assertTrue(prism.violations().get(0).contains("page_size"), prism.violations().toString());
        }
    }
}
