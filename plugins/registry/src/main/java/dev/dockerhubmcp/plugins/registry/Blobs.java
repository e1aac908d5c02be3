package dev.dockerhubmcp.plugins.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.registry.Digests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/** Blob helpers: digest checks of buffered bodies and a guess at what small content is. */
final class Blobs {
    /** Blobs up to this size may be shown inline when they are JSON or text. */
    static final int INLINE_CAP = 256 * 1024;

    private Blobs() {
    }

    /** Throws an upstream error when {@code bytes} do not hash to {@code digest}. */
    static void checkDigest(byte[] bytes, String digest) {
        MessageDigest md = Digests.digester(digest);
        String actual = Digests.format(Digests.algorithm(digest), md.digest(bytes));
        if (!actual.equals(digest.toLowerCase(Locale.ROOT))) {
            throw new ActionException(ErrorType.UPSTREAM, "digest mismatch: the registry sent content hashing to "
                + actual + " for " + digest);
        }
    }

    /** "json", "text" or "binary". */
    static String kind(byte[] bytes) {
        if (bytes.length > 0 && (bytes[0] == '{' || bytes[0] == '[')) {
            try {
                JsonNode n = Params.MAPPER.readTree(bytes);
                if (n != null && n.isContainerNode()) {
                    return "json";
                }
            } catch (IOException ignored) {
                // not JSON
            }
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                    return "binary";
                }
            }
            return "text";
        } catch (CharacterCodingException e) {
            return "binary";
        }
    }
}
