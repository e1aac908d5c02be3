package dev.dockerhubmcp.api.registry;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkHeaderTest {

    @Test
    void findsTheNextLinkAmongOthers() {
        assertEquals("/v2/a/tags/list?last=x&n=2",
            LinkHeader.next("</v2/a/tags/list?last=x&n=2>; rel=\"next\"").orElseThrow());
        assertEquals("https://r/v2/a/tags/list?n=5&last=b%2Bc", LinkHeader.next(
            "<https://r/v2/a/tags/list?n=1>; rel=\"prev\", <https://r/v2/a/tags/list?n=5&last=b%2Bc>; rel=next")
            .orElseThrow());
        assertTrue(LinkHeader.next("<https://r/x>; rel=\"prev\"").isEmpty());
        assertTrue(LinkHeader.next(null).isEmpty());
    }

    @Test
    void decodesQueryParameters() {
        assertEquals(List.of(Map.entry("n", "5"), Map.entry("last", "b+c")),
            LinkHeader.query("https://r/v2/a/tags/list?n=5&last=b%2Bc"));
        assertTrue(LinkHeader.query("/v2/a/tags/list").isEmpty());
    }
}
