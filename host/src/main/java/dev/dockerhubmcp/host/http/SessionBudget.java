package dev.dockerhubmcp.host.http;

import java.util.concurrent.Semaphore;

/** The session cap shared by both transports: a session holds one permit from creation until it is gone. */
final class SessionBudget {
    private final int max;
    private final Semaphore permits;

    SessionBudget(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        this.max = max;
        this.permits = new Semaphore(max);
    }

    boolean tryAcquire() {
        return permits.tryAcquire();
    }

    void release() {
        permits.release();
    }

    int max() {
        return max;
    }

    int inUse() {
        return max - permits.availablePermits();
    }
}
