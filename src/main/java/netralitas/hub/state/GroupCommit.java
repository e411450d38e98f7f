package netralitas.hub.state;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Durable writes of many threads in one transaction (SPEC §11, "durable and cheap"). A caller hands its write over and
 * waits until the transaction that holds it is committed; one writer thread commits whatever queued up while the
 * previous commit ran, up to {@code maxBatch} writes. Under light load a write commits at once, alone; under heavy load
 * the workers' writes share a commit, so the store writes one H2 chunk (or one PostgreSQL WAL flush) per batch, not
 * per case. A batch that fails is rolled back and its writes are tried again one by one, so that one bad write fails
 * alone.
 *
 * <p>With a commit delay, a batch waits up to that long for the writes of the other threads that wrote recently, as
 * PostgreSQL's {@code commit_delay} waits for its siblings: eight workers each writing a few times per case otherwise
 * commit one or two writes at a time, and every commit rewrites the pages it touched (in H2 a chunk of its own). A
 * batch that holds every recent writer's write, or whose thread is the only writer, commits at once.
 */
public final class GroupCommit implements AutoCloseable {

    /** One write, run inside the batch's transaction; it must not commit or roll back itself. */
    @FunctionalInterface
    public interface Write {
        void run(Connection connection) throws SQLException;
    }

    private record Pending(Write write, CompletableFuture<Void> done, Thread writer) {
    }

    private static final Pending STOP = new Pending(connection -> { }, new CompletableFuture<>(), null);
    /** A thread that handed over a write this recently is taken to be at work, and likely to write again soon. */
    private static final long RECENT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final DataSource dataSource;
    private final int maxBatch;
    private final long commitDelayNanos;
    /** When each thread last handed over a write; read only with a commit delay. */
    private final Map<Thread, Long> lastWrites = new ConcurrentHashMap<>();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private boolean closed;

    /** Commits whatever is queued at once, without waiting for other writers. */
    public GroupCommit(DataSource dataSource, int maxBatch, String name) {
        this(dataSource, maxBatch, Duration.ZERO, name);
    }

    /**
     * @param commitDelay how long a batch waits for the writes of the other threads that wrote recently; zero commits at
     *                    once
     */
    public GroupCommit(DataSource dataSource, int maxBatch, Duration commitDelay, String name) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
        }
        if (commitDelay.isNegative()) {
            throw new IllegalArgumentException("commitDelay must not be negative: " + commitDelay);
        }
        this.dataSource = dataSource;
        this.maxBatch = maxBatch;
        this.commitDelayNanos = commitDelay.toNanos();
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    /** Runs {@code write} in the next batch and returns once that batch is committed; throws what the write threw. */
    public void execute(Write write) throws SQLException {
        Thread caller = Thread.currentThread();
        Pending pending = new Pending(write, new CompletableFuture<>(), caller);
        if (commitDelayNanos > 0) {
            lastWrites.put(caller, System.nanoTime());
        }
        synchronized (queue) {
            // Checked and queued under one lock with close(): nothing is queued behind STOP, to wait for ever.
            if (closed) {
                throw new IllegalStateException("The state store's writer is closed");
            }
            queue.add(pending);
        }
        try {
            pending.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the state store's commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException(e.getCause().getMessage(), e.getCause());
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            boolean interrupted = false;
            if (commitDelayNanos > 0 && !batch.contains(STOP)) {
                try {
                    waitForRecentWriters(batch);
                } catch (InterruptedException e) {
                    // Committed before the writer stops, with the interrupt cleared: the JDK closes a file channel that
                    // an interrupted thread uses, the store's with it.
                    interrupted = true;
                }
            }
            boolean stop = batch.remove(STOP) || interrupted;
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
            if (stop) {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }

    /** Adds the writes that arrive within the commit delay, until every thread that wrote recently has one in the batch. */
    private void waitForRecentWriters(List<Pending> batch) throws InterruptedException {
        long now = System.nanoTime();
        Set<Thread> awaited = new HashSet<>();
        lastWrites.forEach((thread, at) -> {
            if (now - at > RECENT_NANOS) {
                lastWrites.remove(thread, at);
            } else {
                awaited.add(thread);
            }
        });
        batch.forEach(pending -> awaited.remove(pending.writer()));
        long deadline = now + commitDelayNanos;
        while (!awaited.isEmpty() && batch.size() < maxBatch) {
            Pending next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            if (next == STOP) {
                return;
            }
            awaited.remove(next.writer());
        }
    }

    private void commit(List<Pending> batch) {
        try {
            inOneTransaction(batch);
            batch.forEach(pending -> pending.done().complete(null));
        } catch (SQLException | RuntimeException batchFailure) {
            for (Pending pending : batch) {
                try {
                    inOneTransaction(List.of(pending));
                    pending.done().complete(null);
                } catch (SQLException | RuntimeException alone) {
                    pending.done().completeExceptionally(alone);
                }
            }
        }
    }

    private void inOneTransaction(List<Pending> writes) throws SQLException {
        Transaction.run(dataSource, connection -> {
            for (Pending pending : writes) {
                pending.write().run(connection);
            }
            return null;
        });
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void close() {
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
