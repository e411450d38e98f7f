package netralitas.hub.embedded;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * The misbehaviour tests and benchmarks switch on at run time to prove the hub's retry, back-off, rate limiting and
 * circuit breaking. All methods are safe to call while requests are being served.
 */
public final class BknFaults {

    /** Seed used when a failure ratio is set without one, so a run can be repeated. */
    public static final long DEFAULT_SEED = 20241127L;

    /** A failure the simulator answers instead of the record. {@code retryAfterSeconds} is only sent with 429. */
    public record InjectedFailure(int status, int retryAfterSeconds) {
    }

    private int failNextCount;
    private int failNextStatus;
    private int tooManyNextCount;
    private int tokenFailNextCount;
    private int tokenFailNextStatus;
    private int tooManyRetryAfter;
    private double failureRatio;
    private int failureRatioStatus;
    private Random random = new Random(DEFAULT_SEED);
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean down;
    private volatile int rateLimitPerSecond;

    /** The next {@code count} authorised data-utama calls answer {@code status} (e.g. 500, 502, 503). */
    public synchronized void failNext(int count, int status) {
        requireErrorStatus(status);
        failNextCount = Math.max(0, count);
        failNextStatus = status;
    }

    /** The next {@code count} token requests answer {@code status} (e.g. 503, or 429 with Retry-After: 1). */
    public synchronized void failNextTokens(int count, int status) {
        requireErrorStatus(status);
        tokenFailNextCount = Math.max(0, count);
        tokenFailNextStatus = status;
    }

    /** The next {@code count} authorised data-utama calls answer 429 with {@code Retry-After: retryAfterSeconds}. */
    public synchronized void tooManyRequestsNext(int count, int retryAfterSeconds) {
        tooManyNextCount = Math.max(0, count);
        tooManyRetryAfter = Math.max(0, retryAfterSeconds);
    }

    /** A random share {@code ratio} (0..1) of authorised data-utama calls answer {@code status}. */
    public void setFailureRatio(double ratio, int status) {
        setFailureRatio(ratio, status, DEFAULT_SEED);
    }

    public synchronized void setFailureRatio(double ratio, int status, long seed) {
        if (ratio < 0 || ratio > 1) {
            throw new IllegalArgumentException("ratio must be between 0 and 1: " + ratio);
        }
        if (ratio > 0) {
            requireErrorStatus(status);
        }
        failureRatio = ratio;
        failureRatioStatus = status;
        random = new Random(seed);
    }

    /** Delay before every data-utama answer (also before error answers), to simulate a slow BKN. */
    public void setLatency(Duration latency) {
        this.latency = latency == null || latency.isNegative() ? Duration.ZERO : latency;
    }

    public Duration latency() {
        return latency;
    }

    /**
     * A request (data-utama or token) that arrives when {@code perSecond} others arrived less than one second before it
     * is answered 429, Retry-After 1: a sliding window, as a gateway counts. 0 = off.
     */
    public void setRateLimitPerSecond(int perSecond) {
        rateLimitPerSecond = Math.max(0, perSecond);
    }

    public int rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    /** While down, every connection is accepted and closed without an answer: clients see an I/O error. */
    public void setDown(boolean down) {
        this.down = down;
    }

    public boolean isDown() {
        return down;
    }

    /** Switches every fault off. */
    public synchronized void clear() {
        failNextCount = 0;
        tooManyNextCount = 0;
        tokenFailNextCount = 0;
        failureRatio = 0;
        random = new Random(DEFAULT_SEED);
        latency = Duration.ZERO;
        down = false;
        rateLimitPerSecond = 0;
    }

    /** @param requestsInSecond the requests of the second ending with this one, itself included */
    boolean overRateLimit(int requestsInSecond) {
        int limit = rateLimitPerSecond;
        return limit > 0 && requestsInSecond > limit;
    }

    /** Consumes the failure, if any, that the next token request must receive. */
    synchronized Optional<InjectedFailure> nextTokenFailure() {
        if (tokenFailNextCount > 0) {
            tokenFailNextCount--;
            return Optional.of(new InjectedFailure(tokenFailNextStatus, 1));
        }
        return Optional.empty();
    }

    /** Consumes the failure, if any, that the next authorised call must receive. Queued failures come first. */
    synchronized Optional<InjectedFailure> nextFailure() {
        if (failNextCount > 0) {
            failNextCount--;
            return Optional.of(new InjectedFailure(failNextStatus, 0));
        }
        if (tooManyNextCount > 0) {
            tooManyNextCount--;
            return Optional.of(new InjectedFailure(429, tooManyRetryAfter));
        }
        if (failureRatio > 0 && random.nextDouble() < failureRatio) {
            return Optional.of(new InjectedFailure(failureRatioStatus, 1));
        }
        return Optional.empty();
    }

    private static void requireErrorStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an injected failure needs a 4xx/5xx status: " + status);
        }
    }
}
