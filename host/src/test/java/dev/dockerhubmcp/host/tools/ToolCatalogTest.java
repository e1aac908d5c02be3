package dev.dockerhubmcp.host.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.Result;
import dev.dockerhubmcp.api.Schema;
import dev.dockerhubmcp.engine.ToolInvoker;
import dev.dockerhubmcp.engine.safety.SafetyPolicy;
import dev.dockerhubmcp.host.plugins.LoadedPlugin;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolCatalogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Action echo(String name, Effect effect, String paramDescription) {
        return Action.builder(name).description("Does " + name + ". More detail here.")
            .input(Schema.object().required("name", Schema.string(paramDescription).maxLength(10))
                .optional("page", Schema.integer("Page number").min(1)))
            .effect(effect)
            .handler((args, ctx) -> Result.ok(JsonNodeFactory.instance.objectNode().put(name, args.string("name"))))
            .build();
    }

    private static LoadedPlugin plugin() {
        List<Action> actions = List.of(echo("list", Effect.READ, "Only names containing this text"),
            echo("create", Effect.WRITE, "The new repository's name"),
            echo("delete", Effect.DESTRUCTIVE, "The new repository's name"));
        DockerHubPlugin p = new DockerHubPlugin() {
            @Override
            public String id() {
                return "things";
            }

            @Override
            public String description() {
                return "Things on Docker Hub.";
            }

            @Override
            public List<Action> actions() {
                return actions;
            }
        };
        return new LoadedPlugin(p, "1.0", "things.jar", actions);
    }

    private static ObjectNode args(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json);
    }

    @Test
    void consolidatedToolHasTheActionEnumUnionOfParametersAndEffectDerivedHints() {
        ToolSpec t = ToolCatalog.build(List.of(plugin()), "consolidated", new ToolInvoker(SafetyPolicy.DEFAULT)).tools().get(0);
        assertEquals("hub_things", t.name());
        JsonNode props = t.inputSchema().path("properties");
        assertEquals("[\"list\",\"create\",\"delete\",\"help\"]", props.path("action").path("enum").toString());
        assertEquals("action", t.inputSchema().path("required").get(0).asText());
        assertTrue(props.has("params") && props.has("params_json") && props.has("name") && props.has("page"));
        String nameDescription = props.path("name").path("description").asText();
        assertTrue(nameDescription.contains("Only names containing this text (list)")
            || nameDescription.contains("The new repository's name (create, delete)"), nameDescription);
        assertTrue(t.description().contains("Writes: create") && t.description().contains("Destructive: delete"),
            t.description());
        assertEquals(new ToolSpec.Hints(false, true, false, true), t.hints());
    }

    @Test
    void consolidatedCallsMergeFlatParamsAndParamsJsonAndValidateAgainstTheChosenAction() throws Exception {
        ToolSpec t = ToolCatalog.build(List.of(plugin()), "consolidated", new ToolInvoker(new SafetyPolicy(false, true))).tools().get(0);
        assertEquals("a", t.call().run(args("{\"action\":\"list\",\"name\":\"a\"}"), null).data().path("list").asText());
        assertEquals("b", t.call().run(args("{\"action\":\"list\",\"params\":{\"name\":\"b\"}}"), null).data()
            .path("list").asText());
        assertEquals("c", t.call().run(args("{\"action\":\"list\",\"params_json\":\"{\\\"name\\\":\\\"c\\\"}\"}"), null)
            .data().path("list").asText());
        Result clash = t.call().run(args("{\"action\":\"list\",\"name\":\"a\",\"params\":{\"name\":\"b\"}}"), null);
        assertTrue(clash.error().message().contains("'name' is given twice"), clash.error().message());
        Result tooLong = t.call().run(args("{\"action\":\"create\",\"name\":\"abcdefghijkl\"}"), null);
        assertTrue(tooLong.error().message().startsWith("hub_things create: 'name' must be at most 10"));
        Result unknown = t.call().run(args("{\"action\":\"explode\"}"), null);
        assertTrue(unknown.error().message().contains("unknown action 'explode'; one of list, create, delete, help"));
        Result badJson = t.call().run(args("{\"action\":\"list\",\"params_json\":\"[1,2]\"}"), null);
        assertTrue(badJson.error().message().contains("'params_json' must be a JSON object"));
        Result help = t.call().run(args("{\"action\":\"help\",\"topic\":\"create\"}"), null);
        assertEquals(1, help.data().path("actions").size());
        assertEquals("write", help.data().path("actions").path("create").path("effect").asText());
    }

    @Test
    void flatParamsAndParamsJsonAreEquallyStrictAboutNumbers() throws Exception {
        ToolSpec t = ToolCatalog.build(List.of(plugin()), "consolidated", new ToolInvoker(SafetyPolicy.DEFAULT)).tools().get(0);
        for (String page : new String[] {"\"5\"", "1e308", "99999999999999999999"}) {
            String expected = page.startsWith("\"") ? "hub_things list: 'page' must be an integer (got the text '5'"
                : "hub_things list: 'page' is out of range (got ";
            String flat = "{\"action\":\"list\",\"name\":\"a\",\"page\":" + page + "}";
            String params = "{\"action\":\"list\",\"params\":{\"name\":\"a\",\"page\":" + page + "}}";
            String paramsJson = "{\"action\":\"list\",\"params_json\":"
                + MAPPER.writeValueAsString("{\"name\":\"a\",\"page\":" + page + "}") + "}";
            for (String call : List.of(flat, params, paramsJson)) {
                Result r = t.call().run(args(call), null);
                assertTrue(r.isError() && r.error().type() == ErrorType.VALIDATION, call);
                assertTrue(r.error().message().startsWith(expected), call + " -> " + r.error().message());
            }
        }
        assertEquals("a", t.call().run(args("{\"action\":\"list\",\"params_json\":\"{\\\"name\\\":\\\"a\\\","
            + "\\\"page\\\":2.0}\"}"), null).data().path("list").asText(), "a whole number fills an integer");
    }

    @Test
    void granularToolsHaveExactSchemasAndPerActionHints() {
        List<ToolSpec> tools = ToolCatalog.build(List.of(plugin()), "granular", new ToolInvoker(SafetyPolicy.DEFAULT)).tools();
        assertEquals(List.of("hub_things_list", "hub_things_create", "hub_things_delete"),
            tools.stream().map(ToolSpec::name).toList());
        assertEquals(new ToolSpec.Hints(true, false, true, true), tools.get(0).hints());
        assertEquals(new ToolSpec.Hints(false, true, false, true), tools.get(2).hints());
        assertEquals(10, tools.get(1).inputSchema().path("properties").path("name").path("maxLength").asInt());
    }

    @Test
    void readOnlyModeLeavesOutWritesAndSaysWhyWhenOneIsCalled() throws Exception {
        ToolCatalog catalog = ToolCatalog.build(List.of(plugin()), "consolidated", new ToolInvoker(new SafetyPolicy(true, false)));
        ToolSpec t = catalog.tools().get(0);
        assertEquals("[\"list\",\"help\"]", t.inputSchema().path("properties").path("action").path("enum").toString());
        assertTrue(t.hints().readOnly());
        Result r = t.call().run(args("{\"action\":\"create\",\"name\":\"x\"}"), null);
        assertEquals(ErrorType.READ_ONLY, r.error().type());
        assertFalse(ToolCatalog.build(List.of(plugin()), "granular", new ToolInvoker(new SafetyPolicy(true, false))).tools().stream()
            .anyMatch(x -> x.name().endsWith("_create") || x.name().endsWith("_delete")));
    }
}
