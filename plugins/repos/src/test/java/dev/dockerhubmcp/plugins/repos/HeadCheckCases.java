package dev.dockerhubmcp.plugins.repos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.testkit.FakeResponse;
import dev.dockerhubmcp.testkit.RecordedRequest;
import dev.dockerhubmcp.testkit.hub.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every HEAD existence check must do; each check's test class supplies its action, path and arguments. */
abstract class HeadCheckCases {
    final HubFixture f = HubFixture.start(new ReposPlugin());

    abstract String action();

    abstract String path();

    abstract String args();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void headAnswersExistsTrue() {
        f.hub().on("HEAD", path()).respond(FakeResponse.status(200));
        Result r = f.call(action(), args());
        assertFalse(r.isError(), () -> String.valueOf(f.envelope(r)));
        ObjectNode env = f.envelope(r);
        assertTrue(env.get("exists").asBoolean());
        assertTrue(env.get("data").get("exists").asBoolean());
        assertEquals(200, env.get("status_code").asInt());
        RecordedRequest req = f.onlyRequest();
        assertEquals("HEAD", req.method());
        assertEquals(path(), req.path());
        HubFixture.assertNoQuery(req);
    }

    @Test
    void notFoundIsExistsFalseNotAnError() {
        f.hub().on("HEAD", path()).respond(FakeResponse.status(404));
        Result r = f.call(action(), args());
        assertFalse(r.isError(), () -> String.valueOf(f.envelope(r)));
        ObjectNode env = f.envelope(r);
        assertFalse(env.get("exists").asBoolean());
        assertFalse(env.get("data").get("exists").asBoolean());
        assertEquals(404, env.get("status_code").asInt());
    }

    @Test
    void forbiddenIsStillAnError() {
        f.hub().on("HEAD", path()).respond(FakeResponse.status(403));
        Result r = f.call(action(), args());
        assertEquals(ErrorType.FORBIDDEN, r.error().type());
    }

    @Test
    void reMintsOnce() {
        f.hub().on("HEAD", path()).respond(FakeResponse.status(200));
        f.reMintsAfter401(action(), args(), "HEAD", path());
    }

    @Test
    void retriesAfter429() {
        f.retriesAfter429(action(), args(), "HEAD", path(), FakeResponse.status(200));
    }

    @Test
    void badNamesAreRefusedBeforeTheNetwork() {
        f.refusedBeforeNetwork(action(), args().replace("\"web\"", "\"WEB\""), "'repository' does not match");
        f.refusedBeforeNetwork(action(), args().replace("\"alice\"", "\"a\""), "'namespace'");
        f.refusedBeforeNetwork(action(), "{}", "'repository' is required");
    }
}
