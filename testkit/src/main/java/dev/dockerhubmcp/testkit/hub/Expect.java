package dev.dockerhubmcp.testkit.hub;

import java.util.Objects;
import java.util.function.Supplier;

/** The few assertions the hub test support makes, without a test framework on the class path. */
final class Expect {
    private Expect() {
    }

    static void equal(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(what + " ==> expected: <" + expected + "> but was: <" + actual + ">");
        }
    }

    static void isTrue(boolean condition, Supplier<String> what) {
        if (!condition) {
            throw new AssertionError(what.get());
        }
    }
}
