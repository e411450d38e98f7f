package netralitas.hub.state;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Durable writes of many threads in one transaction (SPEC §11, "durable and cheap"). A caller hands its write over and
 * waits until the transaction that holds it is committed; one writer thread commits whatever queued up while the
 * previous commit ran, up to {@code maxBatch} writes. Under light load a write commits at once, alone; under heavy load
 * the workers' writes share a commit, so the store writes one H2 chunk (or one PostgreSQL WAL flush) per batch, not
 * per case. A batch that fails is rolled back and its writes are tried again one by one, so that one bad write fails
 * alone.
 */
public final class GroupCommit implements AutoCloseable {

    /** One write, run inside the batch's transaction; it must not commit or roll back itself. */
    @FunctionalInterface
    public interface Write {
        void run(Connection connection) throws SQLException;
    }

    private record Pending(Write write, CompletableFuture<Void> done) {
    }

    private static final Pending STOP = new Pending(connection -> { }, new CompletableFuture<>());

    private final DataSource dataSource;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private boolean closed;

    public GroupCommit(DataSource dataSource, int maxBatch, String name) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
        }
        this.dataSource = dataSource;
        this.maxBatch = maxBatch;
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    /** Runs {@code write} in the next batch and returns once that batch is committed; throws what the write threw. */
    public void execute(Write write) throws SQLException {
        Pending pending = new Pending(write, new CompletableFuture<>());
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
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
            if (stop) {
                return;
            }
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
