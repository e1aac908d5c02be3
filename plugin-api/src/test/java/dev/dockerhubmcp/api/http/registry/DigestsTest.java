package dev.dockerhubmcp.api.http.registry;

import dev.dockerhubmcp.api.ActionException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void verifyingStreamPassesMatchingContent() throws Exception {
        var in = new Digests.VerifyingInputStream(new ByteArrayInputStream(HELLO), HELLO_SHA256, 5);
        assertEquals("hello", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(HELLO_SHA256, in.verified());
    }

    @Test
    void verifyingStreamFailsAtTheEndOnAMismatchOrATruncation() {
        var bad = new Digests.VerifyingInputStream(new ByteArrayInputStream("hellO".getBytes()), HELLO_SHA256, -1);
        var e = assertThrows(Digests.MismatchException.class, bad::readAllBytes);
        assertTrue(e.getMessage().contains("digest mismatch"));
        var shorter = new Digests.VerifyingInputStream(new ByteArrayInputStream("hell".getBytes()), HELLO_SHA256, 5);
        assertTrue(assertThrows(Digests.MismatchException.class, shorter::readAllBytes).getMessage()
            .contains("truncated"));
        var longer = new Digests.VerifyingInputStream(new ByteArrayInputStream("hello!".getBytes()), HELLO_SHA256, 5);
        assertThrows(Digests.MismatchException.class, longer::readAllBytes);
    }
}
