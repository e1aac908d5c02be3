package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.api.Action;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every query of every action validates against the Scout schema; none can be left out of the check. */
class ScoutQueriesTest {
    /** Every action class of the plugin; {@link #thePluginListsExactlyTheScoutActions} fails when one is missing. */
    private static final List<Class<?>> ACTION_CLASSES = List.of(Summary.class, Cves.class, Vulnerabilities.class,
        Sbom.class, Compare.class, Policies.class, PolicyEvaluation.class, Recommendations.class,
        HardenedImages.class);

    private static Object constant(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getSimpleName() + " has no static " + name, e);
        }
    }

    private static Action action(Class<?> type) {
        return (Action) constant(type, "ACTION");
    }

    @SuppressWarnings("unchecked")
    private static List<ScoutQuery> queries(Class<?> type) {
        return (List<ScoutQuery>) constant(type, "QUERIES");
    }

    @Test
    void everyQueryOfEveryActionValidatesAgainstTheSchema() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Class<?> a : ACTION_CLASSES) {
            for (ScoutQuery q : queries(a)) {
                checked++;
                List<String> errors = ScoutSchema.get().validate(q.text());
                if (!errors.isEmpty()) {
                    failures.add(action(a).name() + " / " + q.name() + ": " + errors);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(checked >= ACTION_CLASSES.size(), "every action has at least one query");
    }

    @Test
    void theValidatorRejectsAWrongQuery() {
        assertFalse(ScoutSchema.get().validate("query X($context: Context!) { imageSummariesByDigest(context: "
            + "$context, digests: [\"sha256:1\"]) { digest noSuchField } }").isEmpty());
        assertFalse(ScoutSchema.get().validate("query X($context: Context!) { imageDetailsByDigest(context: "
            + "$context, digest: \"sha256:1\") { digest } }").isEmpty(), "platform is required");
        assertFalse(ScoutSchema.get().validate("query X($d: String!) { goalResultsByDigest(context: {}, "
            + "query: {digest: $d}) { digest } }", new ObjectMapper().createObjectNode()).isEmpty(),
            "a missing required variable is refused");
        com.fasterxml.jackson.databind.node.ObjectNode vars = new ObjectMapper().createObjectNode();
        vars.putObject("context").put("organization", "myorg");
        vars.putArray("digests").add("sha256:1");
        vars.put("digest", "sha256:1");
        vars.putObject("platform").put("architecture", "amd64");
        assertFalse(ScoutSchema.get().validate(Summary.QUERY.text(), vars).isEmpty(), "ImagePlatform.os is required");
        vars.putObject("platform").put("os", "linux").put("architecture", "amd64");
        assertTrue(ScoutSchema.get().validate(Summary.QUERY.text(), vars).isEmpty());
        vars.putObject("context").put("org", "myorg");
        assertFalse(ScoutSchema.get().validate(Summary.QUERY.text(), vars).isEmpty(), "Context has no 'org'");
    }

    /** Each ScoutQuery constant of an action class is among the queries it declares: forgetting one fails here. */
    @Test
    void everyQueryConstantIsDeclaredByItsAction() throws IllegalAccessException {
        Set<String> names = new HashSet<>();
        for (Class<?> a : ACTION_CLASSES) {
            List<ScoutQuery> declared = queries(a);
            for (Field f : a.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == ScoutQuery.class) {
                    f.setAccessible(true);
                    ScoutQuery q = (ScoutQuery) f.get(null);
                    assertTrue(declared.contains(q), a.getSimpleName() + "." + f.getName()
                        + " is not in QUERIES");
                }
            }
            for (ScoutQuery q : declared) {
                assertTrue(names.add(q.name()), "operation names are unique: " + q.name());
            }
        }
    }

    @Test
    void thePluginListsExactlyTheScoutActions() {
        ScoutPlugin plugin = new ScoutPlugin();
        assertEquals(ACTION_CLASSES.stream().map(ScoutQueriesTest::action).toList(), plugin.actions());
        assertEquals(List.of("summary", "cves", "vulnerabilities", "sbom", "compare", "policies", "policy_evaluation",
            "recommendations", "hardened_images"), plugin.actions().stream().map(a -> a.name()).toList());
        assertEquals("hub_scout", plugin.toolName());
        assertEquals("SCOUTTOOL", plugin.toggle());
    }
}
