package dev.dockerhubmcp.api.registry;

import dev.dockerhubmcp.api.ActionException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigestsTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);
    private static final String HELLO_SHA256 = "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @Test
    void sha256OfKnownBytes() {
        assertEquals(HELLO_SHA256, Digests.sha256(HELLO));
        assertThrows(ActionException.class, () -> Digests.digester("md5:abc"));
    }

    @Test
    void onlyRegisteredAlgorithmsWithTheirExactLowercaseHexAreDigests() {
        java.util.regex.Pattern grammar = java.util.regex.Pattern.compile(dev.dockerhubmcp.api.Patterns.DIGEST);
        for (String good : java.util.List.of(HELLO_SHA256, "sha512:" + "0a".repeat(64))) {
            assertEquals(good, Digests.require("digest", good));
            assertTrue(grammar.matcher(good).matches(), good);
        }
        for (String bad : java.util.List.of("sha256:xyz", "sha256:" + "a".repeat(63), "sha256:" + "a".repeat(65),
            "sha256:" + "A".repeat(64), "md5:d41d8cd98f00b204e9800998ecf8427e", "sha512:" + "a".repeat(64),
            "sha384:" + "a".repeat(96), "SHA256:" + "a".repeat(64), "sha256:" + "a".repeat(64) + "\n", "",
            "sha256:", "blake3:" + "a".repeat(64))) {
            assertFalse(grammar.matcher(bad).matches(), bad);
            ActionException e = assertThrows(ActionException.class, () -> Digests.require("digest", bad), bad);
            assertTrue(e.getMessage().startsWith("'digest' must be a digest"), e.getMessage());
        }
        assertThrows(ActionException.class, () -> Digests.digester("sha384"));
        String huge = "sha256:" + "f".repeat(100_000);
        assertTrue(assertThrows(ActionException.class, () -> Digests.require("digest", huge)).getMessage().length()
            < 300, "the bad value is echoed cut short");
    }
}
