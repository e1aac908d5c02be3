package dev.dockerhubmcp.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fake server answers.
 *
 * @param status  HTTP status
 * @param headers response headers
 * @param body    body bytes (not sent for HEAD)
 */
public record FakeResponse(int status, Map<String, String> headers, byte[] body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public FakeResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A JSON answer; {@code body} is a JSON string or any object Jackson can write. */
    public static FakeResponse json(int status, Object body) {
        byte[] bytes;
        try {
            bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : MAPPER.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        return new FakeResponse(status, Map.of("Content-Type", "application/json"), bytes);
    }

    public static FakeResponse text(int status, String contentType, String body) {
        return new FakeResponse(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    public static FakeResponse status(int status) {
        return new FakeResponse(status, Map.of(), new byte[0]);
    }

    /** A 429 with {@code Retry-After: seconds}. */
    public static FakeResponse tooManyRequests(long retryAfterSeconds) {
        return json(429, "{\"message\":\"too many requests\"}").withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    public FakeResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new FakeResponse(status, h, body);
    }
}
