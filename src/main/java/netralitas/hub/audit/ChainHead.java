package netralitas.hub.audit;

/**
 * The end of the chain: the last event's {@code seq} and {@code hash} (seq 0 and {@link AuditEvent#GENESIS} for an
 * empty trail). Recorded in the state store as the trail grows, and mailed daily to the anchor inbox (SPEC §8): a
 * trail whose end falls short of it, or whose line at its seq has another hash, was cut or rewritten.
 */
public record ChainHead(long seq, String hash) {

    public static final ChainHead EMPTY = new ChainHead(0, AuditEvent.GENESIS);

    public ChainHead {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative, was " + seq);
        }
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("hash must be 64 lower-case hex digits, was " + hash);
        }
    }

    static ChainHead of(AuditEvent event) {
        return new ChainHead(event.seq(), event.hash());
    }
}
