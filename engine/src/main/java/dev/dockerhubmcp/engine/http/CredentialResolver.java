package dev.dockerhubmcp.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.engine.safety.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Finds the Docker Hub credentials the way a user expects, first match wins:
 * <ol>
 *   <li>{@code DOCKERHUB_JWT}: a ready JWT, used as-is (never minted, never refreshed);</li>
 *   <li>the {@code --username} flag + {@code HUB_PAT_TOKEN} (docker/hub-mcp's interface, so its command lines and
 *       its Docker MCP catalog entry work unchanged);</li>
 *   <li>{@code DOCKER_HUB_USER} + {@code DOCKER_HUB_TOKEN};</li>
 *   <li>{@code DOCKERHUB_USERNAME} + {@code DOCKERHUB_TOKEN};</li>
 *   <li>the Docker CLI's login in {@code $DOCKER_CONFIG/config.json} (else {@code ~/.docker/config.json}): a
 *       {@code credHelpers} entry for Docker Hub, then {@code credsStore} (both run
 *       {@code docker-credential-<name> get} with the server URL on stdin, bounded by a timeout), then the
 *       {@code auths} entry (base64 {@code auth} of {@code user:secret}, or {@code username}/{@code password});</li>
 *   <li>anonymous.</li>
 * </ol>
 * Nothing here reads the process environment or mutates it: the caller passes the variables (the host passes
 * {@code System.getenv()}), including the {@code PATH} on which credential helpers are looked up. A missing helper,
 * a helper that fails or hangs, or an unreadable config file falls through to the next source with a debug log;
 * no log line ever carries a secret.
 */
public final class CredentialResolver {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialResolver.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The variables {@link #resolve} reads (besides {@code PATH} for credential helpers). */
    public static final List<String> VARIABLES = List.of("DOCKERHUB_JWT", "HUB_PAT_TOKEN", "DOCKER_HUB_USER",
        "DOCKER_HUB_TOKEN", "DOCKERHUB_USERNAME", "DOCKERHUB_TOKEN", "DOCKER_CONFIG");

    /** The default bound on one credential-helper run. */
    public static final Duration DEFAULT_HELPER_TIMEOUT = Duration.ofSeconds(10);

    /** The server URL the Docker CLI stores Docker Hub logins under (and passes to helpers). */
    public static final String HUB_SERVER_URL = "https://index.docker.io/v1/";

    /** Keys of {@code auths}/{@code credHelpers} that mean Docker Hub, in order of preference. */
    static final List<String> HUB_HOSTS = List.of("index.docker.io", "docker.io", "registry-1.docker.io");

    private static final Pattern HELPER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int HELPER_OUTPUT_CAP = 64 * 1024;

    private CredentialResolver() {
    }

    /** Resolves with the default helper timeout. */
    public static Credentials resolve(Map<String, String> env, Path home) {
        return resolve(env, home, DEFAULT_HELPER_TIMEOUT);
    }

    /**
     * Resolves the credentials.
     *
     * @param env           the environment variables (not the process's own unless the caller passes them)
     * @param home          the user's home directory (for {@code ~/.docker/config.json}); may be null
     * @param helperTimeout how long one {@code docker-credential-<name> get} may run before it is killed
     */
    public static Credentials resolve(Map<String, String> env, Path home, Duration helperTimeout) {
        return resolve(env, home, null, helperTimeout);
    }

    /**
     * Resolves the credentials, with the Docker ID given by a {@code --username} flag (hub-mcp's interface: it pairs
     * with {@code HUB_PAT_TOKEN}).
     *
     * @param username the {@code --username} value, or null when the flag was not given
     */
    public static Credentials resolve(Map<String, String> env, Path home, String username, Duration helperTimeout) {
        requireNonNull(env, "env is null");
        requireNonNull(helperTimeout, "helperTimeout is null");
        String jwt = value(env, "DOCKERHUB_JWT");
        if (jwt != null) {
            return Credentials.jwt(jwt);
        }
        String user = username == null || username.isBlank() ? null : username.trim();
        String pat = value(env, "HUB_PAT_TOKEN");
        if (user != null && pat != null) {
            return Credentials.of(user, pat, "--username/HUB_PAT_TOKEN");
        }
        if (user != null || pat != null) {
            LOG.warn("{} is set but {} is not; ignoring both", user != null ? "--username" : "HUB_PAT_TOKEN",
                user != null ? "HUB_PAT_TOKEN" : "--username");
        }
        Optional<Credentials> pair = pair(env, "DOCKER_HUB_USER", "DOCKER_HUB_TOKEN");
        if (pair.isPresent()) {
            return pair.get();
        }
        pair = pair(env, "DOCKERHUB_USERNAME", "DOCKERHUB_TOKEN");
        if (pair.isPresent()) {
            return pair.get();
        }
        Path config = dockerConfig(env, home);
        if (config != null) {
            Optional<Credentials> fromCli = fromDockerConfig(config, env, helperTimeout);
            if (fromCli.isPresent()) {
                return fromCli.get();
            }
        }
        LOG.debug("no Docker Hub credentials found; running anonymously");
        return Credentials.ANONYMOUS;
    }

    /** True for Docker Hub's own hosts ({@code docker.io} and its subdomains: registry-1, index, auth, …). */
    public static boolean isDockerHub(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.equals("docker.io") || h.endsWith(".docker.io");
    }

    /**
     * The credential for a registry other than Docker Hub, from the Docker CLI config only (never the Hub variables):
     * the {@code credHelpers} entry for {@code authority} ({@code host} or {@code host:port}), then {@code credsStore},
     * then the {@code auths} entry; anonymous when none holds a login. For Docker Hub itself use {@link #resolve}.
     */
    public static Credentials resolveRegistry(Map<String, String> env, Path home, String authority,
                                              Duration helperTimeout) {
        requireNonNull(env, "env is null");
        requireNonNull(authority, "authority is null");
        requireNonNull(helperTimeout, "helperTimeout is null");
        Path file = dockerConfig(env, home);
        if (file == null || !Files.isRegularFile(file)) {
            return Credentials.ANONYMOUS;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            LOG.debug("cannot read the Docker CLI config {}: {}", file, e.getClass().getSimpleName());
            return Credentials.ANONYMOUS;
        }
        if (root == null || !root.isObject()) {
            return Credentials.ANONYMOUS;
        }
        String wanted = hostOf(authority);
        String helperKey = keyFor(root.path("credHelpers"), wanted);
        if (helperKey != null) {
            Optional<Credentials> c = fromHelper(root.path("credHelpers").path(helperKey).asText(""), helperKey, env,
                helperTimeout);
            if (c.isPresent()) {
                return c.get();
            }
        }
        String store = root.path("credsStore").asText("");
        if (!store.isBlank()) {
            Optional<Credentials> c = fromHelper(store, wanted, env, helperTimeout);
            if (c.isPresent()) {
                return c.get();
            }
        }
        String authKey = keyFor(root.path("auths"), wanted);
        if (authKey != null) {
            Optional<Credentials> c = fromAuthEntry(root.path("auths").path(authKey), file);
            if (c.isPresent()) {
                return c.get();
            }
        }
        LOG.debug("the Docker CLI config {} has no login for {}; the registry is used anonymously", file, wanted);
        return Credentials.ANONYMOUS;
    }

    /** The key of an {@code auths}/{@code credHelpers} object whose host (and port) is {@code host}. */
    private static String keyFor(JsonNode object, String host) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (var it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (host.equals(hostOf(key))) {
                return key;
            }
        }
        return null;
    }

    private static Optional<Credentials> pair(Map<String, String> env, String userVar, String tokenVar) {
        String user = value(env, userVar);
        String token = value(env, tokenVar);
        if (user != null && token != null) {
            return Optional.of(Credentials.of(user, token, userVar + "/" + tokenVar));
        }
        if (user != null || token != null) {
            LOG.warn("{} is set but {} is not; ignoring both", user != null ? userVar : tokenVar,
                user != null ? tokenVar : userVar);
        }
        return Optional.empty();
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code <home>/.docker/config.json}; null when neither applies. */
    static Path dockerConfig(Map<String, String> env, Path home) {
        String dir = value(env, "DOCKER_CONFIG");
        if (dir != null) {
            return Path.of(dir).resolve("config.json");
        }
        return home == null ? null : home.resolve(".docker").resolve("config.json");
    }

    static Optional<Credentials> fromDockerConfig(Path file, Map<String, String> env, Duration timeout) {
        if (!Files.isRegularFile(file)) {
            LOG.debug("no Docker CLI config at {}", file);
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            LOG.debug("cannot read the Docker CLI config {}: {}", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            LOG.debug("the Docker CLI config {} is not a JSON object", file);
            return Optional.empty();
        }
        String helperKey = hubKey(root.path("credHelpers"));
        if (helperKey != null) {
            String helper = root.path("credHelpers").path(helperKey).asText("");
            Optional<Credentials> c = fromHelper(helper, HUB_SERVER_URL, env, timeout);
            if (c.isPresent()) {
                return c;
            }
        }
        String store = root.path("credsStore").asText("");
        if (!store.isBlank()) {
            Optional<Credentials> c = fromHelper(store, HUB_SERVER_URL, env, timeout);
            if (c.isPresent()) {
                return c;
            }
        }
        String authKey = hubKey(root.path("auths"));
        if (authKey != null) {
            return fromAuthEntry(root.path("auths").path(authKey), file);
        }
        LOG.debug("the Docker CLI config {} has no Docker Hub login", file);
        return Optional.empty();
    }

    private static Optional<Credentials> fromAuthEntry(JsonNode entry, Path file) {
        String auth = entry.path("auth").asText("");
        Redactor.register(auth);
        Redactor.register(entry.path("identitytoken").asText(""));
        if (!auth.isBlank()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                LOG.debug("the Docker Hub 'auth' entry in {} is not valid base64; ignored", file);
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon > 0 && colon < decoded.length() - 1) {
                return Optional.of(Credentials.of(decoded.substring(0, colon), decoded.substring(colon + 1),
                    "docker-config"));
            }
            LOG.debug("the Docker Hub 'auth' entry in {} is not user:secret; ignored", file);
            return Optional.empty();
        }
        String user = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        if (!user.isBlank() && !password.isBlank()) {
            return Optional.of(Credentials.of(user, password, "docker-config"));
        }
        LOG.debug("the Docker Hub entry in {} holds no usable login (an identity token alone cannot mint a Hub JWT)",
            file);
        return Optional.empty();
    }

    /** The key of an {@code auths}/{@code credHelpers} object that names Docker Hub, preferring the CLI's own. */
    static String hubKey(JsonNode object) {
        if (object == null || !object.isObject()) {
            return null;
        }
        if (object.has(HUB_SERVER_URL)) {
            return HUB_SERVER_URL;
        }
        for (String host : HUB_HOSTS) {
            for (var it = object.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (host.equals(hostOf(key))) {
                    return key;
                }
            }
        }
        return null;
    }

    static String hostOf(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        if (slash >= 0) {
            k = k.substring(0, slash);
        }
        if (k.endsWith(":443")) {
            k = k.substring(0, k.length() - 4);
        }
        return k;
    }

    /**
     * Runs {@code docker-credential-<name> get} with the server URL on stdin; the helper answers
     * {@code {"ServerURL","Username","Secret"}}. Looked up on the {@code PATH} of {@code env}.
     */
    static Optional<Credentials> fromHelper(String name, String serverUrl, Map<String, String> env, Duration timeout) {
        String source = "docker-credential-" + name;
        if (!HELPER_NAME.matcher(name).matches()) {
            LOG.debug("ignoring credential helper with an invalid name: '{}'", Redactor.text(name));
            return Optional.empty();
        }
        Path binary = onPath(source, env);
        if (binary == null) {
            LOG.debug("credential helper {} not found on PATH; falling through", source);
            return Optional.empty();
        }
        Process process;
        try {
            ProcessBuilder pb = new ProcessBuilder(binary.toString(), "get");
            pb.environment().clear();
            pb.environment().putAll(env);
            process = pb.start();
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot run {}: {}", source, e.getClass().getSimpleName());
            return Optional.empty();
        }
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the helper did not read stdin (it may still answer)
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                LOG.debug("{} did not answer within {} ms; killed, falling through", source, timeout.toMillis());
                return Optional.empty();
            }
            int code = process.exitValue();
            byte[] stdout = out.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (code != 0) {
                byte[] stderr = err.getNow(new byte[0]);
                String why = Redactor.text(new String(stdout.length > 0 ? stdout : stderr, StandardCharsets.UTF_8)
                    .strip());
                LOG.debug("{} exited with {} ({}); falling through", source, code,
                    why.length() > 200 ? why.substring(0, 200) : why);
                return Optional.empty();
            }
            JsonNode answer = MAPPER.readTree(stdout);
            String user = answer == null ? "" : answer.path("Username").asText("");
            String secret = answer == null ? "" : answer.path("Secret").asText("");
            if (user.isBlank() || secret.isBlank()) {
                LOG.debug("{} answered no username or secret; falling through", source);
                return Optional.empty();
            }
            if ("<token>".equals(user)) {
                LOG.debug("{} holds an identity token, which cannot mint a Hub JWT; falling through", source);
                return Optional.empty();
            }
            return Optional.of(Credentials.of(user, secret, source));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Optional.empty();
        } catch (Exception e) {
            process.destroyForcibly();
            LOG.debug("{} answered something unusable ({}); falling through", source, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                byte[] data = stream.readNBytes(HELPER_OUTPUT_CAP);
                stream.transferTo(OutputStream.nullOutputStream());
                f.complete(data);
            } catch (IOException e) {
                f.complete(new byte[0]);
            }
        });
        return f;
    }

    /** The first executable {@code name} in the directories of {@code env}'s PATH, or null. */
    static Path onPath(String name, Map<String, String> env) {
        String path = value(env, "PATH");
        if (path == null) {
            return null;
        }
        List<String> dirs = new ArrayList<>(List.of(path.split(java.io.File.pathSeparator)));
        for (String dir : dirs) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
