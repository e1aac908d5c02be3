package dev.dockerhubmcp.plugins.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The pending second factors: {@code login} keeps the {@code login_2fa_token} the Hub answered here, keyed by
 * username, for a few minutes, so {@code two_factor_login} needs only the username and the code and the caller never
 * handles the token. In memory only; bounded.
 */
final class TwoFactorChallenges {
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_PENDING = 64;

    private record Pending(String token, Instant expiresAt) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Remembers the challenge for this username (replacing an older one); {@code now} from the call's clock. */
    void put(String username, String token, Instant now) {
        requireNonNull(token, "token is null");
        pending.values().removeIf(p -> !p.expiresAt().isAfter(now));
        if (pending.size() >= MAX_PENDING) {
            pending.entrySet().stream().min(Map.Entry.comparingByValue(
                    java.util.Comparator.comparing(Pending::expiresAt)))
                .ifPresent(e -> pending.remove(e.getKey()));
        }
        pending.put(key(username), new Pending(token, now.plus(LIFETIME)));
    }

    /** The live challenge for this username at {@code now}, if any. */
    Optional<String> get(String username, Instant now) {
        Pending p = pending.get(key(username));
        if (p == null) {
            return Optional.empty();
        }
        if (!p.expiresAt().isAfter(now)) {
            pending.remove(key(username), p);
            return Optional.empty();
        }
        return Optional.of(p.token());
    }

    void remove(String username) {
        pending.remove(key(username));
    }

    private static String key(String username) {
        return requireNonNull(username, "username is null").toLowerCase(Locale.ROOT);
    }
}
