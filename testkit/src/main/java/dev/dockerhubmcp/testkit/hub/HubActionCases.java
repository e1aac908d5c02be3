package dev.dockerhubmcp.testkit.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import dev.dockerhubmcp.api.Effect;
import dev.dockerhubmcp.testkit.RecordedRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.dockerhubmcp.testkit.hub.Expect.equal;
import static dev.dockerhubmcp.testkit.hub.Expect.isTrue;
import static java.util.Objects.requireNonNull;

/**
 * The table every Docker Hub action is held to, against {@link dev.dockerhubmcp.testkit.FakeHub} through the real
 * clients and runner (a fresh {@link HubFixture} per case):
 * <ul>
 *   <li>success sends exactly the {@link HubCall}'s request (method, path, whole query, JSON body or none, Accept,
 *       the credential) and answers with its status; then any {@link Builder#check(Consumer) check} of the
 *       envelope;</li>
 *   <li>each {@link Builder#invalid(String, String) invalid} argument set is refused as validation naming the
 *       field, with nothing sent;</li>
 *   <li>Hub JWT: a 401 leads to one re-mint and a retry that succeeds. SCIM ({@link Builder#scim()}): the SCIM token
 *       and {@code application/scim+json} both ways, never a JWT; a refused SCIM token is unauthorized after one
 *       attempt, without re-mint; no SCIM token configured is unauthorized naming {@code DOCKERHUB_SCIM_TOKEN}, with
 *       nothing sent; a SCIM error keeps its {@code detail} and {@code scimType};</li>
 *   <li>404 is a typed not_found with the Hub's message;</li>
 *   <li>429 is retried and the retry's answer returned;</li>
 *   <li>without {@code DOCKERHUB_ALLOW_DESTRUCTIVE} a destructive call is refused with nothing sent (and a call that
 *       is not destructive runs).</li>
 * </ul>
 * Each case throws {@link AssertionError} when it fails. With JUnit 5:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> hubCases() {
 *     return HubActionCases.of(new TeamsPlugin(), "create")
 *         .success(HubCall.of("{\"org\":\"acme\",\"name\":\"dev\"}", "POST", "/v2/orgs/acme/groups",
 *             FakeResponse.json(201, "{\"id\":12,\"name\":\"dev\"}")).body("{\"name\":\"dev\"}"))
 *         .invalid("{\"name\":\"dev\"}", "org")
 *         .invalid("{\"org\":\"acme\",\"name\":\"dev team\"}", "name")
 *         .check(env -> assertEquals(12, env.path("data").path("id").asInt()))
 *         .cases().map(c -> DynamicTest.dynamicTest(c.name(), c::run));
 * }
 * }</pre>
 */
public final class HubActionCases {
    private HubActionCases() {
    }

    /** Starts the table of one action of a plugin. */
    public static Builder of(DockerHubPlugin plugin, String action) {
        return new Builder(plugin, action);
    }

    /** A bad call: its arguments and the field the refusal must name. */
    public record Bad(String args, String field) {
        public Bad {
            requireNonNull(args, "args is null");
            requireNonNull(field, "field is null");
        }

        @Override
        public String toString() {
            return field + " <- " + args;
        }
    }

    /** One case of the table: a display name and the check. */
    public record Case(String name, Check check) {
        public Case {
            requireNonNull(name, "name is null");
            requireNonNull(check, "check is null");
        }

        /** Runs the case; throws {@link AssertionError} when it fails. */
        public void run() throws Exception {
            check.run();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The body of a case. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /** The table of one action. */
    public static final class Builder {
        private final DockerHubPlugin plugin;
        private final String action;
        private HubCall success;
        private final List<Bad> invalid = new ArrayList<>();
        private String destructiveArgs;
        private boolean destructiveArgsSet;
        private Consumer<JsonNode> check = env -> { };
        private boolean scim;

        private Builder(DockerHubPlugin plugin, String action) {
            this.plugin = requireNonNull(plugin, "plugin is null");
            this.action = requireNonNull(action, "action is null");
        }

        /** The successful call and the exact request it must send (required). */
        public Builder success(HubCall call) {
            this.success = requireNonNull(call, "call is null");
            return this;
        }

        /** Arguments refused before any request; the message must name {@code field} (as {@code 'field}). */
        public Builder invalid(String args, String field) {
            invalid.add(new Bad(args, field));
            return this;
        }

        /** More refused argument sets. */
        public Builder invalid(Stream<Bad> bad) {
            bad.forEach(invalid::add);
            return this;
        }

        /**
         * Arguments that make the call destructive (e.g. a WRITE with {@code enabled: false}), or null when it never
         * is. Default: the success arguments when the action's effect is DESTRUCTIVE, else null.
         */
        public Builder destructive(String args) {
            this.destructiveArgs = args;
            this.destructiveArgsSet = true;
            return this;
        }

        /** More assertions on the successful answer's envelope. */
        public Builder check(Consumer<JsonNode> check) {
            this.check = requireNonNull(check, "check is null");
            return this;
        }

        /** The action speaks SCIM ({@code /v2/scim/2.0}) with the SCIM token instead of the Hub JWT. */
        public Builder scim() {
            this.scim = true;
            return this;
        }

        /** The cases, in table order. */
        public Stream<Case> cases() {
            requireNonNull(success, "success(...) is required");
            Action def = plugin.actions().stream().filter(a -> a.name().equals(action)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(plugin.id() + " has no action " + action));
            String destructive = destructiveArgsSet ? destructiveArgs
                : def.effect() == Effect.DESTRUCTIVE ? success.args() : null;
            List<Case> out = new ArrayList<>();
            out.add(new Case(action + ": success sends the exact request", this::successSendsTheExactRequest));
            for (Bad bad : invalid) {
                out.add(new Case(action + ": refused before the network: " + bad, () -> refused(bad)));
            }
            if (scim) {
                out.add(new Case(action + ": without a SCIM token, nothing is sent", this::withoutScimToken));
                out.add(new Case(action + ": a refused SCIM token is unauthorized, no JWT re-mint",
                    this::refusedScimToken));
                out.add(new Case(action + ": a SCIM error keeps detail and scimType", this::scimErrorKeepsScimType));
            } else {
                out.add(new Case(action + ": 401, one re-mint, success", this::reMintsOnceAfter401));
            }
            out.add(new Case(action + ": 404 is not_found", this::notFound));
            out.add(new Case(action + ": 429, retry, success", this::retriesAfter429));
            out.add(new Case(action + ": destructive gate", () -> destructiveGate(def, destructive)));
            return out.stream();
        }

        private HubFixture fixture(boolean allowDestructive) {
            HubFixture.Builder b = HubFixture.builder(plugin).allowDestructive(allowDestructive);
            return (scim ? b.scim() : b).build();
        }

        private void successSendsTheExactRequest() {
            try (HubFixture f = fixture(true)) {
                f.hub().on(success.method(), success.path()).respond(success.response());
                JsonNode env = f.envelope(action, success.args());
                HubFixture.assertOk(env);
                RecordedRequest r = f.onlyRequest();
                equal(success.method(), r.method(), "method");
                equal(success.path(), r.path(), "path");
                equal(success.query(), HubFixture.queryOf(r), "query");
                String media = scim ? HubFixture.SCIM_MEDIA_TYPE : "application/json";
                if (success.body() == null) {
                    equal(0, r.body().length, "no body expected, got " + r.bodyText());
                    if (!scim) {
                        isTrue(r.header("content-type").isEmpty(), () -> "no content type without a body");
                    }
                } else {
                    equal(HubFixture.parse(success.body()), r.json(), "body");
                    equal(media, r.header("content-type").orElse(null), "content type");
                }
                equal(success.accept() != null ? success.accept() : media, r.header("accept").orElse(null), "accept");
                if (scim) {
                    equal(f.scimToken(), r.bearer().orElse(null), "the SCIM token, not a Hub JWT");
                    equal(0, f.hub().mintCount(), "no Hub JWT is minted for SCIM");
                } else {
                    isTrue(r.bearer().orElse("").startsWith("eyJ"), () -> "the Hub JWT is sent");
                }
                equal(success.response().status(), env.path("status_code").asInt(), "status_code");
                check.accept(env);
            }
        }

        private void refused(Bad bad) {
            try (HubFixture f = fixture(true)) {
                f.refusedBeforeNetwork(action, bad.args(), "'" + bad.field());
            }
        }

        private void reMintsOnceAfter401() {
            try (HubFixture f = fixture(true)) {
                f.hub().on(success.method(), success.path()).respond(success.response());
                f.reMintsAfter401(action, success.args(), success.method(), success.path());
            }
        }

        private void withoutScimToken() {
            try (HubFixture f = fixture(true)) {
                JsonNode env = f.envelope(h -> h.scimToken(null), action, success.args());
                HubFixture.assertError(env, "unauthorized");
                isTrue(HubFixture.message(env).contains("DOCKERHUB_SCIM_TOKEN"), env::toString);
                equal(List.of(), f.hub().requestLines(), "nothing may be sent, not even a JWT mint");
            }
        }

        private void refusedScimToken() {
            try (HubFixture f = fixture(true)) {
                f.hub().on(success.method(), success.path()).respond(success.response());
                JsonNode env = f.envelope(h -> h.scimToken("stale-token"), action, success.args());
                HubFixture.assertError(env, "unauthorized");
                equal(401, env.path("error").path("status_code").asInt(), "status_code");
                isTrue(HubFixture.message(env).contains("DOCKERHUB_SCIM_TOKEN"), env::toString);
                isTrue(HubFixture.message(env).contains("invalid SCIM token"),
                    () -> "the SCIM detail is the message: " + env);
                equal(1, f.hub().requests().size(), "one attempt, no retry");
                equal(0, f.hub().mintCount(), "no JWT mint");
            }
        }

        private void scimErrorKeepsScimType() {
            try (HubFixture f = fixture(true)) {
                f.hub().on(success.method(), success.path())
                    .respond(HubFixture.scimError(400, "invalidValue", "A required value was missing"));
                JsonNode env = f.envelope(action, success.args());
                HubFixture.assertError(env, "validation");
                isTrue(HubFixture.message(env).contains("A required value was missing"), env::toString);
                isTrue(HubFixture.message(env).contains("scimType: invalidValue"), env::toString);
                equal("invalidValue", env.path("error").path("details").path("scimType").asText(), "details");
            }
        }

        private void notFound() {
            try (HubFixture f = fixture(true)) {
                f.notFound(action, success.args(), success.method(), success.path());
            }
        }

        private void retriesAfter429() {
            try (HubFixture f = fixture(true)) {
                f.retriesAfter429(action, success.args(), success.method(), success.path(), success.response());
            }
        }

        private void destructiveGate(Action def, String destructive) {
            try (HubFixture f = fixture(false)) {
                f.hub().on(success.method(), success.path()).respond(success.response());
                if (destructive == null) {
                    isTrue(def.effect() != Effect.DESTRUCTIVE, () -> action + " is DESTRUCTIVE: name its arguments");
                    HubFixture.assertOk(f.envelope(action, success.args()));
                    return;
                }
                f.refusedAsDestructive(action, destructive);
            }
        }
    }
}
