package netralitas.hub.audit;

import java.util.Optional;

/** A chain head store in memory, kept as the state store keeps it: it never moves back. */
final class MemoryChainHeads implements ChainHeadStore {

    /** The chain key of the keyed test trails. */
    static final ChainKey KEY = ChainKey.of("test-audit-chain-key-0123456789abcdef");

    private ChainHead head;

    @Override
    public synchronized Optional<ChainHead> read() {
        return Optional.ofNullable(head);
    }

    @Override
    public synchronized void advance(ChainHead next) {
        if (head == null || next.seq() > head.seq()) {
            head = next;
        }
    }

    /** Overwrites the head, as an edit of the state store would. */
    synchronized void set(ChainHead next) {
        head = next;
    }

    /** A keyed trail in {@code dir} whose head this store keeps, opened as the hub opens it. */
    AuditTrail open(java.nio.file.Path dir, java.time.Clock clock) {
        ChainHead end = TrailEndCheck.require(dir, KEY, HeadLookup.of(this));
        advance(end);
        return AuditTrail.open(dir, clock, KEY, new ChainHeadRecorder(this, end, message -> { }));
    }

    /** What the audit commands get: the key, and this store's head. */
    TrailAccess access() {
        return new TrailAccess(KEY, () -> HeadLookup.of(this));
    }
}
