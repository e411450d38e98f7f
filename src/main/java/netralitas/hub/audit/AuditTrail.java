package netralitas.hub.audit;

import com.fasterxml.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The append-only, hash-chained audit trail of SPEC §8. Where its events are chained and kept is its {@link EventChain}:
 * in embedded mode the daily JSON Lines files {@code audit-YYYY-MM-DD.jsonl} of one hub, in PostgreSQL mode the state
 * store's table {@value StoreChain#TABLE}, one chain for all the hubs of a cluster (SPEC §11). Either way each event is
 * the same JSON line, keyed (HMAC-SHA256 under the {@link ChainKey}). Safe to call from many threads.
 */
public final class AuditTrail implements Closeable {

    /** The steps of a case on its way, before any outcome: see {@link #record}. */
    private static final Set<AuditEventType> STEPS_REDONE = EnumSet.of(AuditEventType.RECEIVED,
            AuditEventType.ENRICHED, AuditEventType.NOT_FOUND_AT_BKN, AuditEventType.CLASSIFIED, AuditEventType.ROUTED);

    private final EventChain chain;

    private AuditTrail(EventChain chain) {
        this.chain = chain;
    }

    /**
     * Opens (creating if needed) the trail in {@code auditDir} and continues its chain, keyed under {@code key}, from the
     * last event of the newest file, reading only that file's tail. Only one process may write a trail directory at a
     * time (a lock file guards it), because two writers would fork the chain.
     *
     * @param head told of every line written, to keep the state store's chain head up with the trail (closed with the
     *             trail, which records the last head); null for none
     * @throws AuditTrailCorruptException when that last event is torn or damaged, or keyed under another key
     * @throws IllegalStateException      when another process (or another open trail) is writing the directory
     */
    public static AuditTrail open(Path auditDir, Clock clock, ChainKey key, ChainHeadRecorder head) {
        return new AuditTrail(FileChain.openChain(auditDir, clock, Objects.requireNonNull(key, "key"), head));
    }

    /**
     * An unkeyed trail (plain SHA-256), as releases before the keyed chain wrote it: for tests of how such trails are
     * read. Refuses a trail whose last line is keyed, which an unkeyed line after it would downgrade.
     */
    static AuditTrail open(Path auditDir, Clock clock) {
        return new AuditTrail(FileChain.openChain(auditDir, clock, null, null));
    }

    /**
     * The trail in the state store (PostgreSQL mode): appended by every hub of the cluster under the lock of the chain
     * head row, so that they all continue one chain; this hub's events are written in batches by one writer thread.
     *
     * A store without a trail yet takes over the one in {@code earlierFiles} (the daily files of embedded mode, when
     * a hub moves to PostgreSQL): its lines, verified, become the first rows.
     *
     * @param earlierFiles null for none
     * @param warnings     told of each batch that could not be written (its callers get the failure)
     * @param notes        told when a file trail was taken over
     * @throws IllegalStateException when the table's last event does not match the recorded chain head, or the file
     *                               trail to take over is broken or does not match the head the store holds
     */
    public static AuditTrail inStore(DataSource database, String location, Clock clock, ChainKey key,
                                     Path earlierFiles, Consumer<String> warnings, Consumer<String> notes) {
        return new AuditTrail(StoreChain.open(database, location, clock, Objects.requireNonNull(key, "key"),
                earlierFiles, warnings, notes));
    }

    /**
     * Records one step. When this returns the event is kept: in the files, it reached the operating system (it
     * survives a crash of the hub, not of the machine: call {@link #sync()} for that); in the store, its batch is
     * committed.
     *
     * Every text is cut and cleaned, and the detail bounded, as {@link EventBounds} says: the returned event holds
     * what was written.
     *
     * @param caseId null for hub-level notes and for rejects that never became a case
     * @param detail JSON-able values (strings, numbers, booleans, lists, maps; java.time values become ISO text);
     *               never a reporter's name or contact (use {@link ReporterPseudonym})
     */
    public AuditEvent append(String caseId, AuditEventType type, String source, String route, Map<String, ?> detail) {
        return chain.append(pending(caseId, type, source, route, detail));
    }

    /** Bounded and normalised in the caller's thread (the costly part); only chaining and writing are serialised. */
    static PendingEvent pending(String caseId, AuditEventType type, String source, String route,
                                Map<String, ?> detail) {
        if (type == null) {
            throw new IllegalArgumentException("event type is required");
        }
        JsonNode detailTree = CanonicalJson.tree(EventBounds.detail(detail));
        return new PendingEvent(EventBounds.text(caseId), type, EventBounds.text(source), EventBounds.text(route),
                detailTree, AuditEvent.detailAsMap(detailTree));
    }

    /**
     * Records one step of a case (or the hub), waiting only as long as the step needs. An outcome (delivered, queued
     * for the digest, deferred, dead-lettered, rejected, a duplicate …) is kept when this returns, as with
     * {@link #append}. A step of a case still on its way ({@link #STEPS_REDONE}) may be kept up to a tenth of a second
     * later, though never after an event appended after it: a case that a crash interrupts is done again from its
     * start, and these steps recorded again; in the store this spares the pipeline a wait for a commit at every step.
     */
    public void record(String caseId, AuditEventType type, String source, String route, Map<String, ?> detail) {
        if (STEPS_REDONE.contains(type)) {
            chain.appendSoon(pending(caseId, type, source, route, detail));
        } else {
            chain.append(pending(caseId, type, source, route, detail));
        }
    }

    /** Forces everything appended so far to durable storage. */
    public void sync() {
        chain.sync();
    }

    /** seq of the last event written (0 for an empty trail). */
    public long lastSeq() {
        return chain.head().seq();
    }

    /** hash of the last event written ({@link AuditEvent#GENESIS} for an empty trail). */
    public String lastHash() {
        return chain.head().hash();
    }

    /** The chain's end as written so far (in the store: by all the hubs of the cluster). */
    public ChainHead head() {
        return chain.head();
    }

    /** Whether the last line is keyed (false for an empty trail, and for one of an earlier release not yet continued). */
    public boolean endsKeyed() {
        return chain.endsKeyed();
    }

    /** How many events of each kind the trail holds for {@code day}, in the order of {@link AuditEventType}. */
    public Map<AuditEventType, Long> countsOn(LocalDate day) {
        return chain.countsOn(day);
    }

    /** Where the trail is kept: its folder, or the state store. */
    public String location() {
        return chain.location();
    }

    /** Writes what is pending, closes the trail, records its head, and releases it for another writer. */
    @Override
    public void close() {
        chain.close();
    }

    /** The canonical JSON used for hashing: keys sorted at every level, no insignificant whitespace. */
    public static String canonicalJson(Object value) {
        return CanonicalJson.write(value);
    }
}
