package netralitas.hub.audit;

import netralitas.hub.progress.Progress;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The trail as rows of table {@value #TABLE} in the state store (PostgreSQL mode, SPEC §11): one chain for all the hubs
 * of a cluster. A batch is appended in one transaction that first locks the {@value ChainHeadTable#TABLE} row
 * ({@code SELECT … FOR UPDATE}): the hubs take turns, each continuing from the head the last one committed, so the seqs
 * run on without a gap or a double, and the head always names the table's last row. The pipeline's threads queue their
 * events; one writer thread per hub takes all that queued meanwhile (up to {@link #MAX_BATCH}) into one transaction
 * (group commit) and each caller returns once its batch is committed, so that an event the hub goes on from is kept.
 */
final class StoreChain implements EventChain {

    static final String TABLE = "AUDIT_EVENT";

    static final int MAX_BATCH = 500;
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (seq, event_at, event_day, case_id, event_type, json_line) VALUES (?, ?, ?, ?, ?, ?)";
    /** SQLSTATE of a duplicate key, the same in H2 and PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    /**
     * How long steps of cases on their way ({@link #appendSoon}) wait for an event whose caller waits, to be committed
     * with it: a case's steps and its outcome in one commit rather than a commit for every few events.
     */
    private static final Duration SOON_DELAY = Duration.ofMillis(100);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
    /**
     * How long an event of a batch given up in doubt, and found kept since, waits for its step to be tried again:
     * longer than the pipeline tries a step while the store does not answer (hub.state.max-redeliveries, about ten
     * minutes).
     */
    private static final Duration KEPT_UNANSWERED_FOR = Duration.ofMinutes(30);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);

    /**
     * How long a caller waits for its batch (the pool gives up on a silent store after 5 s, a batch takes far less), and
     * how long the writer tries a batch again while the store fails (less than a caller waits): shorter in tests.
     */
    record Timing(Duration maxWait, Duration maxRetry) {
        static final Timing DEFAULT = new Timing(Duration.ofSeconds(30), Duration.ofSeconds(20));
    }

    private final DataSource database;
    private final String location;
    private final Clock clock;
    private final ChainKey key;
    private final Consumer<String> warnings;
    private final Timing timing;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    /** Batches given up while the store could not tell whether their commit was kept; the writer's own. */
    private final List<GivenUp> givenUpInDoubt = new ArrayList<>();
    /** The waited events of those found kept since, each until its step, tried again, appends it; the writer's own. */
    private final List<KeptUnanswered> keptUnanswered = new ArrayList<>();

    private record GivenUp(List<Waiting> batch, Attempt attempt) {
    }

    private record KeptUnanswered(PendingEvent event, AuditEvent kept, long keptUntil) {
    }

    /** An event in the queue; {@code waited} when its caller waits until it is kept ({@link #append}). */
    private record Waiting(PendingEvent event, CompletableFuture<AuditEvent> kept, boolean waited, long queuedAt) {

        Waiting(PendingEvent event, boolean waited) {
            this(event, new CompletableFuture<>(), waited, System.nanoTime());
        }
    }

    private StoreChain(DataSource database, String location, Clock clock, ChainKey key, Consumer<String> warnings,
                       Timing timing) {
        this.database = database;
        this.location = location;
        this.clock = clock;
        this.key = key;
        this.warnings = warnings;
        this.timing = timing;
        this.writer = new Thread(this::run, "audit-store-writer");
        this.writer.setDaemon(true);
    }

    /**
     * Checks that the table ends at the recorded chain head (a store whose rows were cut, or whose head was reset, is
     * refused with one line), and starts the writer. A store without a trail yet takes over the trail of embedded mode
     * in {@code earlierFiles} when there is one (its chain verified first, and its end against a head the upgrade
     * brought into the store), else it starts the chain from its genesis.
     *
     * @param earlierFiles the daily files of the trail written before the store held it; null for none
     * @param notes        told what was taken over
     */
    static StoreChain open(DataSource database, String location, Clock clock, ChainKey key, Path earlierFiles,
                           Consumer<String> warnings, Consumer<String> notes) {
        return open(database, location, clock, key, earlierFiles, warnings, notes, Timing.DEFAULT);
    }

    static StoreChain open(DataSource database, String location, Clock clock, ChainKey key, Path earlierFiles,
                           Consumer<String> warnings, Consumer<String> notes, Timing timing) {
        StoreChain chain = new StoreChain(database, location, clock, key, warnings, timing);
        ChainHeadTable heads = new ChainHeadTable(database, clock);
        Optional<ChainHead> recorded = heads.read();
        ChainHead last = chain.lastRow();
        if (last.seq() == 0 && earlierFiles != null && !AuditFiles.list(earlierFiles).isEmpty()) {
            // A head at seq 0 is the empty chain another node recorded meanwhile: no end to hold the files against.
            long copied = chain.takeOver(earlierFiles, recorded.filter(head -> head.seq() > 0));
            if (copied > 0) {
                notes.accept("The audit trail in " + earlierFiles + " (" + copied + " events) was copied into "
                        + chain.where() + ", which continues it; the files are no longer written");
            }
            recorded = heads.read();
            last = chain.lastRow();
        } else if (recorded.isEmpty() && last.seq() == 0) {
            chain.ensureHeadRow();
            recorded = heads.read();
        }
        if (recorded.isEmpty() || !recorded.get().equals(last)) {
            throw new IllegalStateException("The audit trail in " + chain.where() + " does not match the chain head in "
                    + ChainHeadTable.TABLE + ": its last event is seq " + last.seq() + " (hash " + last.hash()
                    + "), the head " + recorded.map(head -> "is seq " + head.seq() + " (hash " + head.hash() + ")")
                    .orElse("is missing") + ". The hub will not append to it: run `audit verify`, and restore the"
                    + " state store from the last backup.");
        }
        chain.writer.start();
        return chain;
    }

    /** The head row of an empty chain, unless there is one: the row every append locks. */
    private void ensureHeadRow() {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ChainHeadTable.TABLE
                     + " (id, seq, hash, recordedAt) SELECT 1, 0, ?, ? WHERE NOT EXISTS (SELECT 1 FROM "
                     + ChainHeadTable.TABLE + ")")) {
            insert.setString(1, AuditEvent.GENESIS);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            // Another node inserted it at the same moment: the row is there, which is all that is needed.
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw failure("record the chain head of", e);
            }
        }
    }

    /**
     * Copies the file trail's lines, verified, into the empty table and moves the head to their end, in one
     * transaction under the head row's lock. Returns how many; 0 when another node filled the table meanwhile.
     */
    private long takeOver(Path auditDir, Optional<ChainHead> recorded) {
        TrailVerification verification = new AuditVerifier(key).verifyAll(auditDir,
                recorded.map(HeadLookup::found).orElseGet(HeadLookup::noneRecorded), null, null, Progress.silent());
        VerifyResult files = verification.chain();
        if (!files.ok()) {
            throw new IllegalStateException("The audit trail in " + auditDir + " cannot be taken into " + where()
                    + ": " + files.file() + ":" + files.lineNumber() + ": " + files.problem() + ". Run `audit verify`"
                    + " on it, and restore it from the last backup.");
        }
        if (recorded.isPresent() && !verification.head().ok()) {
            throw new IllegalStateException("The audit trail in " + auditDir + " cannot be taken into " + where()
                    + ": " + verification.head().message());
        }
        ensureHeadRow();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                lockHead(connection);
                if (lastSeq(connection) > 0) {
                    connection.rollback();
                    return 0;
                }
                long copied = copyLines(connection, TrailLines.files(auditDir));
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + ChainHeadTable.TABLE
                        + " SET seq = ?, hash = ?, recordedAt = ? WHERE id = 1")) {
                    update.setLong(1, files.head().seq());
                    update.setString(2, files.head().hash());
                    update.setTimestamp(3, Timestamp.from(clock.instant()));
                    update.executeUpdate();
                }
                connection.commit();
                return copied;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("copy the file trail into", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit trail in " + auditDir, e);
        }
    }

    private static long lastSeq(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(seq) FROM " + TABLE);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The lines as they are, byte for byte, each in its row. */
    private static long copyLines(Connection connection, TrailLines trail) throws SQLException, IOException {
        long copied = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (TrailLines.Part part : trail.parts()) {
                try (TrailLines.LineSource lines = part.open()) {
                    TrailLineReader.Line line;
                    while ((line = lines.next()) != null) {
                        bind(insert, AuditEvent.fromJsonLine(line.text()), line.text());
                        insert.addBatch();
                        if (++copied % MAX_BATCH == 0) {
                            insert.executeBatch();
                        }
                    }
                }
            }
            insert.executeBatch();
        }
        return copied;
    }

    private static void bind(PreparedStatement insert, AuditEvent event, String line) throws SQLException {
        insert.setLong(1, event.seq());
        insert.setObject(2, event.at());
        insert.setObject(3, event.at().toLocalDate());
        insert.setString(4, event.caseId());
        insert.setString(5, event.event().name());
        insert.setString(6, line);
    }

    /** The table's last event, its line checked under the key; {@link ChainHead#EMPTY} for an empty table. */
    private ChainHead lastRow() {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT seq, json_line FROM " + TABLE + " ORDER BY seq DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return ChainHead.EMPTY;
            }
            long seq = row.getLong(1);
            AuditEvent event;
            try {
                event = TrailLine.check(row.getString(2), key);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("The audit trail in " + where() + " is damaged at seq " + seq + ": "
                        + EventBounds.text(e.getMessage()) + ". Run `audit verify`.", e);
            }
            if (event.seq() != seq) {
                throw new IllegalStateException("The audit trail in " + where() + " is damaged: the row of seq " + seq
                        + " holds the line of seq " + event.seq() + ". Run `audit verify`.");
            }
            return ChainHead.of(event);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public AuditEvent append(PendingEvent event) {
        if (closed) {
            throw new IllegalStateException("The audit trail in " + where() + " is closed");
        }
        Waiting waiting = new Waiting(event, true);
        queue.add(waiting);
        try {
            return kept(waiting, timing.maxWait());
        } catch (TimeoutException e) {
            if (queue.remove(waiting)) {
                // Still queued behind a batch the writer tries again: taken back, so that it is never written after
                // its caller gave up, and reported as the store not answering, which the pipeline waits for.
                throw new IllegalStateException("The audit event was not written to " + where() + " within "
                        + timing.maxWait().toSeconds() + " s: the store does not answer",
                        new SQLTransientException("the audit trail's writer is still waiting for the store", e));
            }
        }
        // The writer holds it in the batch it is writing, which is kept or fails within its retries.
        try {
            return kept(waiting, timing.maxRetry().plus(timing.maxWait()));
        } catch (TimeoutException e) {
            throw new IllegalStateException("The audit event was not written to " + where() + " within "
                    + timing.maxWait().multipliedBy(2).plus(timing.maxRetry()).toSeconds() + " s", e);
        }
    }

    private AuditEvent kept(Waiting waiting, Duration wait) throws TimeoutException {
        try {
            return waiting.kept().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the audit event was written to " + where(), e);
        }
    }

    /** Queued for the next batch: the one writer keeps the queue's order, so it is kept before any event after it. */
    @Override
    public void appendSoon(PendingEvent event) {
        if (closed) {
            throw new IllegalStateException("The audit trail in " + where() + " is closed");
        }
        queue.add(new Waiting(event, false));
    }

    private void run() {
        List<Waiting> batch = new ArrayList<>();
        while (true) {
            Waiting first;
            try {
                first = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            awaitWaitedEvent(batch);
            answerKeptUnanswered(batch);
            if (!batch.isEmpty()) {
                writeWithRetries(batch);
            }
            batch.clear();
        }
    }

    /**
     * Adds to a batch of steps of cases on their way ({@link #appendSoon}) what comes until an event whose caller waits,
     * for at most {@link #SOON_DELAY} after the first of them, so that they are committed with it. A closing chain
     * writes what it has.
     */
    private void awaitWaitedEvent(List<Waiting> batch) {
        long deadline = batch.get(0).queuedAt() + SOON_DELAY.toNanos();
        boolean waited = batch.stream().anyMatch(Waiting::waited);
        while (!waited && !closed && batch.size() < MAX_BATCH) {
            long left = deadline - System.nanoTime();
            Waiting next;
            try {
                next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == null) {
                return;
            }
            int from = batch.size();
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
            waited = batch.subList(from, batch.size()).stream().anyMatch(Waiting::waited);
        }
    }

    /**
     * Writes the batch, trying again with growing delays while the store fails, for at most {@link Timing#maxRetry}. A
     * failure at the commit leaves its outcome unknown: the head then tells whether the batch was kept, so that a
     * batch is never written twice. While the store does not answer even that, the batch stays in doubt, and the
     * question is asked again before any new attempt (a PostgreSQL shutdown may end the connection after the commit
     * was written: writing the batch again then recorded its events twice).
     */
    private void writeWithRetries(List<Waiting> batch) {
        long deadline = System.nanoTime() + timing.maxRetry().toNanos();
        Duration delay = FIRST_RETRY_DELAY;
        Attempt inDoubt = null;
        IllegalStateException failure = null;
        while (true) {
            if (inDoubt != null) {
                Outcome outcome = outcome(inDoubt);
                if (outcome == Outcome.KEPT) {
                    keep(batch, inDoubt);
                    return;
                }
                if (outcome == Outcome.NOT_KEPT) {
                    inDoubt = null;
                }
            }
            if (inDoubt == null) {
                Attempt attempt = new Attempt();
                try {
                    write(batch, attempt);
                    keep(batch, attempt);
                    return;
                } catch (SQLException | RuntimeException e) {
                    failure = e instanceof SQLException sql ? failure("append to", sql)
                            : new IllegalStateException("Cannot append to the audit trail in " + where() + ": "
                            + e.getMessage(), e);
                    if (attempt.end != null) {
                        Outcome outcome = outcome(attempt);
                        if (outcome == Outcome.KEPT) {
                            keep(batch, attempt);
                            return;
                        }
                        inDoubt = outcome == Outcome.UNKNOWN ? attempt : null;
                    }
                }
            }
            if (System.nanoTime() + delay.toNanos() > deadline) {
                warnings.accept(batch.size() + " audit event(s) " + (inDoubt == null ? "not written" : "of a commit whose"
                        + " outcome the store could not tell") + ", given up: " + failure.getMessage());
                if (inDoubt != null) {
                    givenUpInDoubt.add(new GivenUp(List.copyOf(batch), inDoubt));
                }
                fail(batch, failure);
                return;
            }
            warnings.accept(batch.size() + " audit event(s) " + (inDoubt == null ? "not written" : "of a commit whose"
                    + " outcome the store cannot tell yet") + ", trying again in " + delay.toMillis() + " ms: "
                    + failure.getMessage());
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException interrupted) {
                fail(batch, failure);
                Thread.currentThread().interrupt();
                return;
            }
            delay = delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay.multipliedBy(2);
        }
    }

    /**
     * A batch given up in doubt may have been kept: its callers failed, and the pipeline tries their steps again, which
     * append the same events. Once the store tells the batch's outcome, an event of a step tried again that equals one
     * of a kept batch is answered with the event kept and taken out of {@code batch}: written twice, the trail would
     * show, say, a case DELIVERED twice. Steps of cases on their way (not waited for) are not tried again this way.
     */
    private void answerKeptUnanswered(List<Waiting> batch) {
        for (Iterator<GivenUp> doubts = givenUpInDoubt.iterator(); doubts.hasNext(); ) {
            GivenUp doubt = doubts.next();
            Outcome outcome = outcome(doubt.attempt());
            if (outcome == Outcome.UNKNOWN) {
                continue;
            }
            if (outcome == Outcome.KEPT) {
                long until = System.nanoTime() + KEPT_UNANSWERED_FOR.toNanos();
                for (int i = 0; i < doubt.batch().size(); i++) {
                    if (doubt.batch().get(i).waited()) {
                        keptUnanswered.add(new KeptUnanswered(doubt.batch().get(i).event(), doubt.attempt().kept.get(i),
                                until));
                    }
                }
            }
            doubts.remove();
        }
        long now = System.nanoTime();
        keptUnanswered.removeIf(kept -> now - kept.keptUntil() > 0);
        if (keptUnanswered.isEmpty()) {
            return;
        }
        batch.removeIf(waiting -> {
            if (!waiting.waited()) {
                return false;
            }
            for (Iterator<KeptUnanswered> kept = keptUnanswered.iterator(); kept.hasNext(); ) {
                KeptUnanswered candidate = kept.next();
                if (candidate.event().equals(waiting.event())) {
                    kept.remove();
                    waiting.kept().complete(candidate.kept());
                    return true;
                }
            }
            return false;
        });
    }

    private static void fail(List<Waiting> batch, IllegalStateException failure) {
        for (Waiting waiting : batch) {
            waiting.kept().completeExceptionally(failure);
        }
    }

    private static void keep(List<Waiting> batch, Attempt attempt) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).kept().complete(attempt.kept.get(i));
        }
    }

    /** What one attempt at a batch chained: its events, and the head it moves to once they are all inserted. */
    private static final class Attempt {
        final List<AuditEvent> kept = new ArrayList<>();
        String lastLine;
        ChainHead end;
    }

    /** What became of an attempt whose commit failed. */
    private enum Outcome { KEPT, NOT_KEPT, UNKNOWN }

    /**
     * Whether the batch that ends at {@code end} was committed: the row at its seq holds its last line (whose hash
     * covers the whole batch and the chain before it), whatever other hubs appended since; unknown while the store
     * does not answer.
     */
    private Outcome outcome(Attempt attempt) {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT json_line FROM " + TABLE + " WHERE seq = ?")) {
            select.setLong(1, attempt.end.seq());
            try (ResultSet row = select.executeQuery()) {
                return row.next() && attempt.lastLine.equals(row.getString(1)) ? Outcome.KEPT : Outcome.NOT_KEPT;
            }
        } catch (SQLException e) {
            return Outcome.UNKNOWN;
        }
    }

    /** One transaction: the head row locked, the batch chained on from it and inserted, the head moved to its end. */
    private void write(List<Waiting> batch, Attempt attempt) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                ChainHead head = lockHead(connection);
                long seq = head.seq();
                String prev = head.hash();
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (Waiting waiting : batch) {
                        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), clock.getZone());
                        PendingEvent.Linked linked = waiting.event().link(++seq, prev, at, key);
                        AuditEvent event = linked.event();
                        bind(insert, event, linked.line());
                        insert.addBatch();
                        attempt.kept.add(event);
                        attempt.lastLine = linked.line();
                        prev = event.hash();
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + ChainHeadTable.TABLE
                        + " SET seq = ?, hash = ?, recordedAt = ? WHERE id = 1")) {
                    update.setLong(1, seq);
                    update.setString(2, prev);
                    update.setTimestamp(3, Timestamp.from(attempt.kept.get(attempt.kept.size() - 1).at().toInstant()));
                    update.executeUpdate();
                }
                attempt.end = new ChainHead(seq, prev);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    private static ChainHead lockHead(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, hash FROM " + ChainHeadTable.TABLE + " WHERE id = 1 FOR UPDATE");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("the chain head row of " + ChainHeadTable.TABLE + " is missing");
            }
            return new ChainHead(row.getLong(1), row.getString(2));
        }
    }

    /** The cluster's head: what all hubs committed, not only this one. */
    @Override
    public ChainHead head() {
        return new ChainHeadTable(database, clock).read().orElse(ChainHead.EMPTY);
    }

    /** Every event in the store is keyed: the store trail began with the keyed chain. */
    @Override
    public boolean endsKeyed() {
        return head().seq() > 0;
    }

    /** Each batch is committed before its callers return; a PostgreSQL commit is fsynced. */
    @Override
    public void sync() {
    }

    @Override
    public Map<AuditEventType, Long> countsOn(LocalDate day) {
        Map<AuditEventType, Long> counts = new EnumMap<>(AuditEventType.class);
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT event_type, COUNT(*) FROM " + TABLE
                     + " WHERE event_day = ? GROUP BY event_type")) {
            select.setObject(1, day);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(AuditEventType.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw failure("count the events of " + day + " in", e);
        }
        return counts;
    }

    @Override
    public String location() {
        return where();
    }

    private String where() {
        return location + " (table " + TABLE + ")";
    }

    /** Writes what is queued, then stops the writer; an event queued after that fails. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(timing.maxWait().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        IllegalStateException stopped = new IllegalStateException("The audit trail in " + where() + " is closed");
        Waiting late;
        while ((late = queue.poll()) != null) {
            late.kept().completeExceptionally(stopped);
        }
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("Cannot " + what + " the audit trail in " + where() + ": "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
}
