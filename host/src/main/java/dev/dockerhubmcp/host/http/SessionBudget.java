package dev.dockerhubmcp.host.http;

import java.util.HashMap;
import java.util.Map;

/**
 * The session caps shared by both transports: one for the whole server and one per client identity, so that one
 * client cannot take every session. A session holds its place from creation until it is gone.
 */
final class SessionBudget {
    /** Whether a new session may start, and if not, which cap stopped it. */
    enum Grant { GRANTED, CLIENT_FULL, FULL }

    private final int max;
    private final int maxPerClient;
    private final Map<String, Integer> perClient = new HashMap<>();
    private int inUse;

    SessionBudget(int max, int maxPerClient) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        if (maxPerClient <= 0) {
            throw new IllegalArgumentException("maxPerClient must be positive: " + maxPerClient);
        }
        this.max = max;
        this.maxPerClient = Math.min(max, maxPerClient);
    }

    synchronized Grant tryAcquire(String client) {
        int mine = perClient.getOrDefault(client, 0);
        if (mine >= maxPerClient) {
            return Grant.CLIENT_FULL;
        }
        if (inUse >= max) {
            return Grant.FULL;
        }
        inUse++;
        perClient.put(client, mine + 1);
        return Grant.GRANTED;
    }

    synchronized void release(String client) {
        Integer mine = perClient.get(client);
        if (mine == null) {
            throw new IllegalStateException("no session of this client to release");
        }
        if (mine == 1) {
            perClient.remove(client);
        } else {
            perClient.put(client, mine - 1);
        }
        inUse--;
    }

    int max() {
        return max;
    }

    int maxPerClient() {
        return maxPerClient;
    }

    synchronized int inUse() {
        return inUse;
    }
}
