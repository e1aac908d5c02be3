package dev.dockerhubmcp.engine.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialResolverTest {
    @TempDir
    Path tmp;

    private Path home() throws IOException {
        return Files.createDirectories(tmp.resolve("home"));
    }

    private Path writeConfig(Path home, String json) throws IOException {
        Path dir = Files.createDirectories(home.resolve(".docker"));
        return Files.writeString(dir.resolve("config.json"), json);
    }

    /** A fake docker-credential-&lt;name&gt; on a temp PATH directory. */
    private Path helper(String name, String script) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path file = bin.resolve("docker-credential-" + name);
        Files.writeString(file, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jwtWinsOverEverything() throws IOException {
        Map<String, String> env = Map.of("DOCKERHUB_JWT", "eyJhbGciOiJub25lIn0.eyJleHAiOjF9.sig",
            "DOCKER_HUB_USER", "alice", "DOCKER_HUB_TOKEN", "dckr_pat_a");
        Credentials c = CredentialResolver.resolve(env, home());
        assertEquals("DOCKERHUB_JWT", c.source());
        assertEquals("eyJhbGciOiJub25lIn0.eyJleHAiOjF9.sig", c.jwt());
        assertNull(c.secret());
        assertEquals("jwt", c.kind());
    }

    @Test
    void dockerHubUserBeatsDockerhubUsername() throws IOException {
        Map<String, String> env = Map.of("DOCKER_HUB_USER", "alice", "DOCKER_HUB_TOKEN", "dckr_pat_a\n",
            "DOCKERHUB_USERNAME", "bob", "DOCKERHUB_TOKEN", "dckr_pat_b");
        Credentials c = CredentialResolver.resolve(env, home());
        assertEquals("alice", c.identifier());
        assertEquals("dckr_pat_a", c.secret(), "a trailing newline is trimmed");
        assertEquals("DOCKER_HUB_USER/DOCKER_HUB_TOKEN", c.source());
        assertEquals("pat", c.kind());
    }

    @Test
    void halfAPairFallsThroughToTheNextPair() throws IOException {
        Map<String, String> env = Map.of("DOCKER_HUB_USER", "alice", "DOCKER_HUB_TOKEN", "  ",
            "DOCKERHUB_USERNAME", "org", "DOCKERHUB_TOKEN", "dckr_oat_x");
        Credentials c = CredentialResolver.resolve(env, home());
        assertEquals("org", c.identifier());
        assertEquals("DOCKERHUB_USERNAME/DOCKERHUB_TOKEN", c.source());
        assertEquals("oat", c.kind());
    }

    @Test
    void hubMcpUsernameFlagAndPatComeAfterTheJwtAndBeforeTheOtherPairs() throws IOException {
        Map<String, String> env = Map.of("HUB_PAT_TOKEN", "dckr_pat_h", "DOCKER_HUB_USER", "alice",
            "DOCKER_HUB_TOKEN", "dckr_pat_a");
        Credentials c = CredentialResolver.resolve(env, home(), "hubby", Duration.ofSeconds(5));
        assertEquals("hubby", c.identifier());
        assertEquals("dckr_pat_h", c.secret());
        assertEquals("--username/HUB_PAT_TOKEN", c.source());
        Credentials jwt = CredentialResolver.resolve(Map.of("HUB_PAT_TOKEN", "dckr_pat_h", "DOCKERHUB_JWT",
            "eyJhbGciOiJub25lIn0.eyJleHAiOjF9.sig"), home(), "hubby", Duration.ofSeconds(5));
        assertEquals("DOCKERHUB_JWT", jwt.source());
    }

    @Test
    void hubMcpHalfPairFallsThrough() throws IOException {
        Map<String, String> env = Map.of("HUB_PAT_TOKEN", "dckr_pat_h", "DOCKER_HUB_USER", "alice",
            "DOCKER_HUB_TOKEN", "dckr_pat_a");
        assertEquals("alice", CredentialResolver.resolve(env, home(), null, Duration.ofSeconds(5)).identifier(),
            "HUB_PAT_TOKEN without --username");
        assertEquals("alice", CredentialResolver.resolve(env, home(), " ", Duration.ofSeconds(5)).identifier());
        assertTrue(CredentialResolver.resolve(Map.of(), home(), "hubby", Duration.ofSeconds(5)).anonymous(),
            "--username without HUB_PAT_TOKEN");
    }

    @Test
    void nothingAnywhereIsAnonymous() throws IOException {
        Credentials c = CredentialResolver.resolve(Map.of(), home());
        assertTrue(c.anonymous());
        assertEquals("anonymous", c.source());
        assertTrue(CredentialResolver.resolve(Map.of(), null).anonymous(), "no home is fine");
    }

    @Test
    void dockerConfigAuthEntryWithBase64UserAndSecret() throws IOException {
        Path home = home();
        writeConfig(home, "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("alice:pa:ss") + "\"}}}");
        Credentials c = CredentialResolver.resolve(Map.of(), home);
        assertEquals("alice", c.identifier());
        assertEquals("pa:ss", c.secret(), "the secret may contain a colon");
        assertEquals("docker-config", c.source());
        assertFalse(c.toString().contains("pa:ss"));
    }

    @Test
    void dockerConfigUsernamePasswordUnderAnyHubKey() throws IOException {
        for (String key : new String[] {"index.docker.io", "docker.io", "registry-1.docker.io",
            "https://index.docker.io/v1", "https://registry-1.docker.io/"}) {
            Path home = Files.createTempDirectory(tmp, "h");
            writeConfig(home, "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("other:x") + "\"},\"" + key
                + "\":{\"username\":\"alice\",\"password\":\"dckr_pat_cfg\"}}}");
            Credentials c = CredentialResolver.resolve(Map.of(), home);
            assertEquals("alice", c.identifier(), key);
            assertEquals("dckr_pat_cfg", c.secret(), key);
        }
    }

    @Test
    void otherRegistriesAndUnusableEntriesAreIgnored() throws IOException {
        Path home = home();
        writeConfig(home, "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("other:x") + "\"},"
            + "\"https://index.docker.io/v1/\":{\"identitytoken\":\"abc\"}}}");
        assertTrue(CredentialResolver.resolve(Map.of(), home).anonymous());
        writeConfig(home, "{\"auths\":{\"docker.io\":{\"auth\":\"!!!not base64\"}}}");
        assertTrue(CredentialResolver.resolve(Map.of(), home).anonymous());
        writeConfig(home, "{\"auths\":{\"docker.io\":{\"auth\":\"" + b64("nocolon") + "\"}}}");
        assertTrue(CredentialResolver.resolve(Map.of(), home).anonymous());
        writeConfig(home, "this is not json");
        assertTrue(CredentialResolver.resolve(Map.of(), home).anonymous());
    }

    @Test
    void dockerConfigVariableOverridesHome() throws IOException {
        Path home = home();
        writeConfig(home, "{\"auths\":{\"docker.io\":{\"auth\":\"" + b64("fromhome:x") + "\"}}}");
        Path other = Files.createDirectories(tmp.resolve("cfg"));
        Files.writeString(other.resolve("config.json"),
            "{\"auths\":{\"docker.io\":{\"auth\":\"" + b64("fromvar:y") + "\"}}}");
        Credentials c = CredentialResolver.resolve(Map.of("DOCKER_CONFIG", other.toString()), home);
        assertEquals("fromvar", c.identifier());
    }

    @Test
    void credsStoreRunsTheHelperWithTheServerUrlOnStdin() throws IOException {
        Path bin = helper("test", """
            read url
            if [ "$url" = "https://index.docker.io/v1/" ] && [ "$1" = "get" ]; then
              echo "{\\"ServerURL\\":\\"$url\\",\\"Username\\":\\"helperuser\\",\\"Secret\\":\\"dckr_pat_helper$MARKER\\"}"
            else
              echo "credentials not found in native keychain"; exit 1
            fi
            """);
        Path home = home();
        writeConfig(home, "{\"auths\":{\"https://index.docker.io/v1/\":{}},\"credsStore\":\"test\"}");
        Credentials c = CredentialResolver.resolve(Map.of("PATH", bin.toString(), "MARKER", "_env"), home);
        assertEquals("helperuser", c.identifier());
        assertEquals("dckr_pat_helper_env", c.secret(), "the helper sees the environment map it was given");
        assertEquals("docker-credential-test", c.source());
    }

    @Test
    void credHelpersEntryForTheHubWinsOverCredsStore() throws IOException {
        helper("other", "echo '{\"Username\":\"storeuser\",\"Secret\":\"s1\"}'\n");
        Path bin = helper("test", "read url\necho '{\"Username\":\"helperuser\",\"Secret\":\"s2\"}'\n");
        Path home = home();
        writeConfig(home, "{\"credsStore\":\"other\",\"credHelpers\":{\"gcr.io\":\"gcloud\",\"docker.io\":\"test\"}}");
        Credentials c = CredentialResolver.resolve(Map.of("PATH", bin.toString()), home);
        assertEquals("helperuser", c.identifier());
        assertEquals("docker-credential-test", c.source());
    }

    @Test
    void failingHelperFallsThroughToTheAuthsEntry() throws IOException {
        Path bin = helper("test", "echo 'credentials not found in native keychain' >&2\nexit 1\n");
        Path home = home();
        writeConfig(home, "{\"credsStore\":\"test\",\"auths\":{\"docker.io\":{\"auth\":\"" + b64("alice:pw") + "\"}}}");
        Credentials c = CredentialResolver.resolve(Map.of("PATH", bin.toString()), home);
        assertEquals("alice", c.identifier());
        assertEquals("docker-config", c.source());
    }

    @Test
    void missingHelperBinaryFallsThrough() throws IOException {
        Path home = home();
        writeConfig(home, "{\"credsStore\":\"desktop\"}");
        Path emptyBin = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(CredentialResolver.resolve(Map.of("PATH", emptyBin.toString()), home).anonymous());
        assertTrue(CredentialResolver.resolve(Map.of(), home).anonymous(), "no PATH at all");
    }

    @Test
    void helperWithAnIdentityTokenOrGarbageFallsThrough() throws IOException {
        Path home = home();
        writeConfig(home, "{\"credsStore\":\"test\"}");
        Path bin = helper("test", "echo '{\"Username\":\"<token>\",\"Secret\":\"refresh\"}'\n");
        assertTrue(CredentialResolver.resolve(Map.of("PATH", bin.toString()), home).anonymous());
        helper("test", "echo 'not json at all'\n");
        assertTrue(CredentialResolver.resolve(Map.of("PATH", bin.toString()), home).anonymous());
        helper("test", "echo '{\"Username\":\"alice\"}'\n");
        assertTrue(CredentialResolver.resolve(Map.of("PATH", bin.toString()), home).anonymous());
    }

    @Test
    void hangingHelperIsKilledWithinTheTimeout() throws IOException {
        Path bin = helper("test", "/usr/bin/sleep 30\necho '{\"Username\":\"late\",\"Secret\":\"x\"}'\n");
        Path home = home();
        writeConfig(home, "{\"credsStore\":\"test\",\"auths\":{\"docker.io\":{\"auth\":\"" + b64("alice:pw") + "\"}}}");
        long t0 = System.nanoTime();
        Credentials c = CredentialResolver.resolve(Map.of("PATH", bin.toString()), home, Duration.ofMillis(500));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("alice", c.identifier());
        assertTrue(ms < 5_000, "took " + ms + " ms");
    }

    @Test
    void helperNamesThatCouldEscapeArefused() throws IOException {
        Path bin = helper("test", "echo '{\"Username\":\"u\",\"Secret\":\"s\"}'\n");
        Path home = home();
        writeConfig(home, "{\"credsStore\":\"../bin/docker-credential-test\"}");
        assertTrue(CredentialResolver.resolve(Map.of("PATH", bin.toString()), home).anonymous());
    }

    @Test
    void envMapIsTheOnlyInput() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("DOCKER_HUB_USER", null);
        env.put("DOCKERHUB_JWT", "");
        assertTrue(CredentialResolver.resolve(env, home()).anonymous());
    }
}
