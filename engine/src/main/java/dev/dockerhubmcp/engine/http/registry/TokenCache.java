package dev.dockerhubmcp.engine.http.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Registry bearer tokens, one per (realm, service, scope), kept until shortly before they expire. Concurrent callers
 * asking for the same key while it is being fetched share that one fetch.
 */
public final class TokenCache {

    /** Which token: the realm that issues it, the service it is for and its (sorted, space-joined) scopes. */
    public record Key(String realm, String service, String scope) {
        public Key {
            requireNonNull(realm, "realm is null");
            service = service == null ? "" : service;
            scope = scope == null ? "" : scope;
        }

        public static Key of(String realm, String service, List<String> scopes) {
            return new Key(realm, service, String.join(" ", scopes.stream().sorted().distinct().toList()));
        }
    }

    /** A token and when it stops being used (already earlier than the issuer's expiry). */
    public record Token(String value, Instant useUntil) {
        public Token {
            requireNonNull(value, "value is null");
            requireNonNull(useUntil, "useUntil is null");
        }

        /**
         * A token valid for {@code lifetime} from {@code issuedAt}, refreshed early: 10% of its lifetime before
         * expiry, at least 5 s and at most 60 s.
         */
        public static Token of(String value, Instant issuedAt, Duration lifetime) {
            long margin = Math.max(5, Math.min(60, lifetime.toSeconds() / 10));
            return new Token(value, issuedAt.plus(lifetime).minusSeconds(margin));
        }
    }

    private final ConcurrentHashMap<Key, Token> tokens = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, CompletableFuture<Token>> inflight = new ConcurrentHashMap<>();
    private final Clock clock;

    public TokenCache() {
        this(Clock.systemUTC());
    }

    public TokenCache(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The cached token when still usable. */
    public Token cached(Key key) {
        Token t = tokens.get(key);
        return t != null && t.useUntil().isAfter(clock.instant()) ? t : null;
    }

    /**
     * The usable token for {@code key}, fetching one when none is cached (or when {@code stale} is the cached one
     * and must be replaced). One fetch per key at a time; the others wait for it.
     */
    public Token get(Key key, String stale, Supplier<Token> fetch) {
        requireNonNull(key, "key is null");
        requireNonNull(fetch, "fetch is null");
        while (true) {
            Token t = cached(key);
            if (t != null && !t.value().equals(stale)) {
                return t;
            }
            CompletableFuture<Token> mine = new CompletableFuture<>();
            CompletableFuture<Token> running = inflight.putIfAbsent(key, mine);
            if (running != null) {
                Token shared = join(running);
                if (!shared.value().equals(stale)) {
                    return shared;
                }
                continue; // the shared fetch returned the very token we were told is stale: fetch anew
            }
            try {
                Token fresh = fetch.get();
                tokens.put(key, fresh);
                mine.complete(fresh);
                return fresh;
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                inflight.remove(key, mine);
            }
        }
    }

    /** Forgets a token (e.g. the registry refused it). */
    public void invalidate(Key key, String value) {
        tokens.computeIfPresent(key, (k, t) -> t.value().equals(value) ? null : t);
    }

    public int size() {
        return tokens.size();
    }

    private static Token join(CompletableFuture<Token> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a registry token", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
