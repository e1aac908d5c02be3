package dev.dockerhubmcp.engine.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.engine.ToolInvoker;
import dev.dockerhubmcp.engine.safety.SafetyPolicy;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A READ action with a file-writing parameter is not read-only; read-only mode hides and refuses the parameter. */
class FileWriteEffectTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final AtomicInteger runs = new AtomicInteger();

    private Action download() {
        return Action.builder("fetch").description("Fetches.")
            .input(Schema.object().required("id", Schema.string("id"))
                .optional("output_path", Schema.string("where")))
            .effect(Effect.READ)
            .writesFile("output_path")
            .handler((args, ctx) -> {
                runs.incrementAndGet();
                return Result.ok(JsonNodeFactory.instance.objectNode());
            })
            .build();
    }

    private static ObjectNode args(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json);
    }

    @Test
    void anActionThatMayWriteAFileIsNotReadOnly() {
        Action a = download();
        assertTrue(a.mayWriteFiles());
        assertFalse(a.readOnly());
        Action shown = a.withoutFileWrites();
        assertTrue(shown.readOnly());
        assertFalse(Schema.declares(shown.inputSchema(), "output_path"));
        assertTrue(Schema.declares(shown.inputSchema(), "id"));
        assertTrue(shown.description().contains("output_path"), shown.description());
    }

    @Test
    void readOnlyModeRefusesTheParameterAndRunsTheRest() throws Exception {
        ToolInvoker readOnly = new ToolInvoker(new SafetyPolicy(true, false));
        Result r = readOnly.run("hub_x fetch", download(), args("{\"id\":\"a\",\"output_path\":\"x\"}"), null);
        assertEquals(ErrorType.READ_ONLY, r.error().type());
        assertTrue(r.error().message().contains("'output_path' writes a local file"), r.error().message());
        assertEquals(0, runs.get());
        assertFalse(readOnly.run("hub_x fetch", download(), args("{\"id\":\"a\"}"), null).isError());
        assertEquals(1, runs.get());
        assertFalse(new ToolInvoker(SafetyPolicy.DEFAULT).run("t", download(),
            args("{\"id\":\"a\",\"output_path\":\"x\"}"), null).isError());
        assertNull(SafetyPolicy.DEFAULT.refusal(download(), dev.dockerhubmcp.api.Arguments.of(
            args("{\"id\":\"a\",\"output_path\":\"x\"}"))));
    }

    @Test
    void aFileParameterMustBeDeclaredAndOptional() {
        assertThrows(IllegalArgumentException.class, () -> Action.builder("a").description("A.")
            .input(Schema.object()).effect(Effect.READ).writesFile("out").handler((x, c) -> null).build());
        assertThrows(IllegalArgumentException.class, () -> Action.builder("a").description("A.")
            .input(Schema.object().required("out", Schema.string("o"))).effect(Effect.READ).writesFile("out")
            .handler((x, c) -> null).build());
    }
}
