package netralitas.hub.audit;

import java.time.LocalDate;
import java.util.Map;

/**
 * Where an {@link AuditTrail}'s events are chained and kept: the daily files of one hub ({@link FileChain}), or the
 * state store's table that all hubs of a cluster append to ({@link StoreChain}).
 */
interface EventChain extends AutoCloseable {

    /** Chains the event after the last one and keeps it; returns it as kept. */
    AuditEvent append(PendingEvent event);

    /**
     * Chains the event after the last one and keeps it, but may return before it is kept: it is kept no later than
     * any event appended after it with {@link #append}.
     */
    void appendSoon(PendingEvent event);

    /** The chain's end as kept so far. */
    ChainHead head();

    /** Whether the last event is keyed. */
    boolean endsKeyed();

    /** Forces what was appended to durable storage. */
    void sync();

    /** How many events of each kind the chain holds for {@code day} (the day of their time as written). */
    Map<AuditEventType, Long> countsOn(LocalDate day);

    /** Where the events are kept, for messages. */
    String location();

    void close();
}
