package dev.dockerhubmcp.engine.http.hub;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenExpiryTest {
    private static String jwt(String claims) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
            + e.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void lifetimeIsCountedOnOurClockSoSkewDoesNotMatter() {
        Instant ours = Instant.parse("2030-01-01T00:00:00Z");
        // the Hub's clock is an hour behind ours: exp alone would already be past
        long hubNow = ours.minus(Duration.ofHours(1)).getEpochSecond();
        String token = jwt("{\"iat\":" + hubNow + ",\"exp\":" + (hubNow + 600) + "}");
        assertEquals(ours.plusSeconds(600), DefaultHubClient.localExpiry(token, ours));
    }

    @Test
    void expWithoutIatIsTakenAsIs() {
        Instant ours = Instant.parse("2030-01-01T00:00:00Z");
        String token = jwt("{\"exp\":" + ours.plusSeconds(120).getEpochSecond() + "}");
        assertEquals(ours.plusSeconds(120), DefaultHubClient.localExpiry(token, ours));
    }

    @Test
    void refreshMarginIsSixtySecondsOrAQuarterOfAShorterLifetime() {
        assertEquals(Duration.ofSeconds(60), DefaultHubClient.refreshMargin(Duration.ofMinutes(10)));
        assertEquals(Duration.ofSeconds(60), DefaultHubClient.refreshMargin(Duration.ofSeconds(240)));
        assertEquals(Duration.ofSeconds(15), DefaultHubClient.refreshMargin(Duration.ofSeconds(60)));
        assertEquals(Duration.ofSeconds(2), DefaultHubClient.refreshMargin(Duration.ofSeconds(8)));
        assertEquals(Duration.ZERO, DefaultHubClient.refreshMargin(Duration.ofSeconds(-5)));
    }

    @Test
    void noExpMeansThreeHundredSeconds() {
        Instant ours = Instant.parse("2030-01-01T00:00:00Z");
        assertEquals(ours.plusSeconds(300), DefaultHubClient.localExpiry(jwt("{\"sub\":\"x\"}"), ours));
        assertEquals(ours.plusSeconds(300), DefaultHubClient.localExpiry("not-a-jwt", ours));
    }
}
