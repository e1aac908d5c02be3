package dev.dockerhubmcp.testkit.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static java.util.Objects.requireNonNull;

/**
 * A registry token server (distribution's token auth, {@code specs/registry-token-auth/token.md}) on 127.0.0.1:
 * {@code GET /token?service=&scope=repository:<name>:<actions>} with optional Basic credentials answers
 * {@code {token, access_token, expires_in, issued_at}}. Tokens are RS256 JWTs whose header {@code x5c} holds a
 * self-signed certificate the registry trusts ({@link #certificatePem()} goes into its {@code rootcertbundle});
 * claims {@code iss}, {@code aud} (one string), {@code sub}, {@code exp}, {@code nbf}, {@code iat}, {@code jti},
 * {@code access}. Granted actions are the intersection of what was asked and what the test configured; wrong
 * credentials get 401. Every request is recorded.
 */
public final class TokenServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One token request as the server saw it. */
    public record TokenRequest(String subject, String service, List<String> scopes, Map<String, Set<String>> granted,
                               boolean rejected) {
    }

    private record Grant(String subject, String repositoryPattern, Set<String> actions) {
        boolean matches(String who, String repository) {
            if (subject != null && !subject.equals(who)) {
                return false;
            }
            if (repositoryPattern.equals("*")) {
                return true;
            }
            if (repositoryPattern.endsWith("*")) {
                return repository.startsWith(repositoryPattern.substring(0, repositoryPattern.length() - 1));
            }
            return repository.equals(repositoryPattern);
        }
    }

    private final String issuer;
    private final String service;
    private final Map<String, String> users;
    private final List<Grant> grants;
    private final Duration lifetime;
    private final SelfSignedCertificate certificate;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();

    private TokenServer(Builder b) throws IOException {
        this.issuer = b.issuer;
        this.service = b.service;
        this.users = Map.copyOf(b.users);
        this.grants = List.copyOf(b.grants);
        this.lifetime = b.lifetime;
        this.certificate = SelfSignedCertificate.generate(b.issuer);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "testkit-token-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/token", this::handle);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The realm URL to configure in the registry. */
    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public String issuer() {
        return issuer;
    }

    public String service() {
        return service;
    }

    public String certificatePem() {
        return certificate.pem();
    }

    /** Every token request so far, in order. */
    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many token requests asked for exactly this scope (among others). */
    public long requestsFor(String scope) {
        return requests.stream().filter(r -> r.scopes().contains(scope)).count();
    }

    public void resetCounts() {
        requests.clear();
    }

    /** Mints a token directly (for curl in benchmarks and for tests that need a raw bearer). */
    public String mint(String subject, String repository, String... actions) {
        Map<String, Set<String>> access = new LinkedHashMap<>();
        access.put(repository, new LinkedHashSet<>(List.of(actions)));
        return jwt(subject == null ? "" : subject, access);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, List<String>> q = query(ex.getRequestURI());
            String subject = null;
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
                String pair = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                String user = colon < 0 ? pair : pair.substring(0, colon);
                String pass = colon < 0 ? "" : pair.substring(colon + 1);
                if (!pass.equals(users.get(user))) {
                    requests.add(new TokenRequest(user, first(q, "service"), q.getOrDefault("scope", List.of()),
                        Map.of(), true));
                    send(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"invalid username or password\"}]}");
                    return;
                }
                subject = user;
            }
            String svc = first(q, "service");
            if (svc != null && !svc.equals(service)) {
                send(ex, 400, "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"unknown service " + svc + "\"}]}");
                return;
            }
            List<String> scopes = new ArrayList<>();
            for (String s : q.getOrDefault("scope", List.of())) {
                scopes.addAll(List.of(s.trim().split("\\s+")));
            }
            Map<String, Set<String>> access = new LinkedHashMap<>();
            for (String scope : scopes) {
                String[] parts = scope.split(":");
                if (parts.length < 3 || !parts[0].equals("repository")) {
                    continue;
                }
                String name = String.join(":", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
                Set<String> asked = new LinkedHashSet<>(List.of(parts[parts.length - 1].split(",")));
                Set<String> allowed = new LinkedHashSet<>();
                for (Grant g : grants) {
                    if (g.matches(subject, name)) {
                        allowed.addAll(g.actions());
                    }
                }
                asked.retainAll(allowed);
                access.merge(name, asked, (a, b) -> {
                    Set<String> m = new LinkedHashSet<>(a);
                    m.addAll(b);
                    return m;
                });
            }
            requests.add(new TokenRequest(subject, svc, List.copyOf(scopes), Collections.unmodifiableMap(access), false));
            String jwt = jwt(subject == null ? "" : subject, access);
            ObjectNode out = MAPPER.createObjectNode();
            out.put("token", jwt);
            out.put("access_token", jwt);
            out.put("expires_in", lifetime.toSeconds());
            out.put("issued_at", Instant.now().toString());
            send(ex, 200, out.toString());
        } catch (RuntimeException e) {
            send(ex, 500, "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"" + e + "\"}]}");
        }
    }

    private String jwt(String subject, Map<String, Set<String>> access) {
        ObjectNode header = MAPPER.createObjectNode();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.putArray("x5c").add(certificate.derBase64());
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = MAPPER.createObjectNode();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("aud", service);
        claims.put("exp", now + lifetime.toSeconds());
        claims.put("nbf", now - 5);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        ArrayNode arr = claims.putArray("access");
        access.forEach((name, actions) -> {
            ObjectNode a = arr.addObject();
            a.put("type", "repository");
            a.put("name", name);
            ArrayNode acts = a.putArray("actions");
            actions.forEach(acts::add);
        });
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
            + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(certificate.keyPair().getPrivate());
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String first(Map<String, List<String>> q, String k) {
        List<String> v = q.get(k);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static final class Builder {
        private String issuer = "testkit-token-issuer";
        private String service = "testkit-registry";
        private final Map<String, String> users = new LinkedHashMap<>();
        private final List<Grant> grants = new ArrayList<>();
        private Duration lifetime = Duration.ofMinutes(5);

        public Builder issuer(String v) {
            issuer = requireNonNull(v, "issuer is null");
            return this;
        }

        public Builder service(String v) {
            service = requireNonNull(v, "service is null");
            return this;
        }

        /** A user who may authenticate with Basic credentials. */
        public Builder user(String name, String password) {
            users.put(requireNonNull(name, "name is null"), requireNonNull(password, "password is null"));
            return this;
        }

        /**
         * Grants actions on repositories matching {@code repositoryPattern} ({@code *}, {@code public/*}, an exact
         * name) to {@code subject} (a user name, or null for anyone including anonymous callers).
         */
        public Builder grant(String subject, String repositoryPattern, String... actions) {
            grants.add(new Grant(subject, requireNonNull(repositoryPattern, "repositoryPattern is null"),
                Set.of(actions)));
            return this;
        }

        public Builder tokenLifetime(Duration v) {
            lifetime = requireNonNull(v, "lifetime is null");
            return this;
        }

        public TokenServer start() {
            try {
                return new TokenServer(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the token server: " + e.getMessage(), e);
            }
        }
    }
}
