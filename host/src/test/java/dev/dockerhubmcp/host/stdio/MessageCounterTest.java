package dev.dockerhubmcp.host.stdio;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageCounterTest {
    private static void feed(MessageCounter c, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        // in two arbitrary pieces, as reads arrive
        c.feed(b, 0, b.length / 2);
        c.feed(b, b.length / 2, b.length - b.length / 2);
    }

    @Test
    void countsRequestsButNotNotifications() {
        MessageCounter in = new MessageCounter(MessageCounter.Kind.REQUESTS);
        feed(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"x\":{\"id\":9}}}\n"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"tools/list\"}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}\n"
            + "not json at all\n");
        assertEquals(3, in.count(), "two requests, plus the garbage line the server answers with a parse error");
    }

    @Test
    void countsResponsesButNotServerNotificationsOrRequests() {
        MessageCounter out = new MessageCounter(MessageCounter.Kind.RESPONSES);
        feed(out, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"method\":\"x\"}}\n"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"sampling/createMessage\",\"params\":{}}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32601,\"message\":\"no\"}}\n");
        assertEquals(2, out.count());
    }
}
