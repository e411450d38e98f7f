package netralitas.hub.bench;

import java.nio.charset.StandardCharsets;

/** A stable 64-bit mix (SplitMix64 finaliser): the same input gives the same choice in every JVM and every run. */
final class Mix {

    private Mix() {
    }

    static long of(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }

    static long of(String text) {
        long h = 1125899906842597L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return of(h);
    }

    /** A choice in {@code [0, bound)} for {@code text}, varied by {@code salt} so different choices are independent. */
    static int pick(String text, long salt, int bound) {
        return (int) (of(of(text) ^ salt) % bound);
    }
}
