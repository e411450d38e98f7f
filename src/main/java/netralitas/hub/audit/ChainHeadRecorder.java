package netralitas.hub.audit;

import java.io.Closeable;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Keeps the state store's chain head up with the trail (SPEC §8). The head is written after the lines it names reached
 * the file, never before: after a {@code kill -9} it may lag the trail by the last events, but it never leads it. The
 * writes are grouped, one commit for all the lines appended meanwhile and at most one every {@code interval}, so that a
 * busy trail does not cost a state-store commit per line. The lag is bounded: a trail {@link #MAX_LAG} events ahead of
 * the recorded head waits for it before it writes another line, and `audit verify` and the start-up check accept at
 * most that many lines past the head.
 */
public final class ChainHeadRecorder implements Closeable {

    /** How far the trail may run ahead of the recorded head: also what a check accepts after a crash. */
    public static final long MAX_LAG = 10_000;

    /**
     * Each write is a commit of its own, and on H2 a chunk that rewrites every page changed since the last one: at 20 ms
     * the head made about a fifth of the file's chunk writes while the hub forwarded 20,000 cases (15.4k chunks written
     * in all at 20 ms, 12.6k at 200 ms).
     */
    static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);
    /** How long a writer of the trail waits for the head before it gives up on the line. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final ChainHeadStore store;
    private final Duration interval;
    private final long maxLag;
    private final Duration maxWait;
    private final Consumer<String> warnings;
    private final Thread writer;

    // Guarded by "this".
    private ChainHead latest;
    private ChainHead recorded;
    private boolean closed;
    /** The writer waits for a line to record: only then does an append wake it (not while it spaces its writes). */
    private boolean writerIdle;

    /**
     * @param recorded the head the store holds now, which the trail's end was checked against
     * @param warnings told once per failed attempt to record the head (the recorder retries with growing delays)
     */
    public ChainHeadRecorder(ChainHeadStore store, ChainHead recorded, Consumer<String> warnings) {
        this(store, recorded, warnings, DEFAULT_INTERVAL, MAX_LAG, MAX_WAIT);
    }

    ChainHeadRecorder(ChainHeadStore store, ChainHead recorded, Consumer<String> warnings, Duration interval,
                      long maxLag, Duration maxWait) {
        this.store = store;
        this.maxWait = maxWait;
        this.latest = recorded;
        this.recorded = recorded;
        this.warnings = warnings;
        this.interval = interval;
        this.maxLag = maxLag;
        this.writer = new Thread(this::run, "audit-chain-head");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Called by the trail before it writes line {@code seq}: waits while the recorded head is {@link #MAX_LAG} lines
     * behind, so that the lag stays bounded when the state store is slow or away.
     *
     * @throws IllegalStateException when the head could not be recorded for a long time: the line is not written
     */
    synchronized void awaitRoomFor(long seq) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!closed && seq - recorded.seq() > maxLag) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("The audit chain head could not be recorded in the state store for "
                        + maxWait.toMillis() + " ms (it is at seq " + recorded.seq() + "): the trail does not run"
                        + " further ahead of it");
            }
            waitNanos(left);
        }
    }

    /** Called by the trail once a line reached the file. */
    synchronized void appended(ChainHead head) {
        if (head.seq() > latest.seq()) {
            latest = head;
            if (writerIdle) {
                notifyAll();
            }
        }
    }

    /** The head last written to the store. */
    public synchronized ChainHead recorded() {
        return recorded;
    }

    private void run() {
        Duration retryDelay = interval;
        while (true) {
            ChainHead next;
            synchronized (this) {
                while (!closed && latest.seq() <= recorded.seq()) {
                    writerIdle = true;
                    waitNanos(Long.MAX_VALUE);
                }
                writerIdle = false;
                if (closed) {
                    return;
                }
                next = latest;
            }
            try {
                store.advance(next);
                markRecorded(next);
                retryDelay = interval;
                pause(interval);
            } catch (RuntimeException e) {
                warnings.accept("Audit chain head (seq " + next.seq() + ") not recorded in the state store, trying again in "
                        + retryDelay.toMillis() + " ms: " + e.getMessage());
                pause(retryDelay);
                retryDelay = retryDelay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY
                        : retryDelay.multipliedBy(2);
            }
        }
    }

    private synchronized void markRecorded(ChainHead head) {
        if (head.seq() > recorded.seq()) {
            recorded = head;
        }
        notifyAll();
    }

    /** Sleeps, but returns at once when closed. */
    private synchronized void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        while (!closed && (left = deadline - System.nanoTime()) > 0) {
            waitNanos(left);
        }
    }

    private void waitNanos(long nanos) {
        try {
            if (nanos == Long.MAX_VALUE) {
                wait();
            } else {
                wait(Math.max(1, nanos / 1_000_000), 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Records the last head (once the trail is closed, this is its end) and stops the writer. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed && !writer.isAlive()) {
                return;
            }
            closed = true;
            notifyAll();
        }
        try {
            writer.join(maxWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ChainHead last;
        synchronized (this) {
            last = latest.seq() > recorded.seq() ? latest : null;
        }
        if (last != null) {
            try {
                store.advance(last);
                markRecorded(last);
            } catch (RuntimeException e) {
                warnings.accept("Audit chain head (seq " + last.seq() + ") not recorded in the state store at stop: "
                        + e.getMessage() + ". The next start accepts a trail that ends up to " + maxLag
                        + " events past the recorded head.");
            }
        }
    }
}
