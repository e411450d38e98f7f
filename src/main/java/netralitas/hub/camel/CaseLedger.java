package netralitas.hub.camel;

import netralitas.hub.state.DeliveriesInFlight;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idempotency store of the case pipeline (SPEC §1: the same report is never forwarded twice). A case id is claimed
 * in memory when a case starts, so two copies of a report processed at the same time cannot both pass, and written to
 * the durable ledger only when the case completes, so a crash mid-way leaves it to be processed again rather than
 * lost. Used with {@code idempotentConsumer eager: true}: add = claim, confirm = record, remove = release.
 * Camel also completes the duplicate's own exchange through confirm/remove; that must not touch the claim or the
 * record of the copy that is still in flight. A case the pipeline parked is not recorded, so that it can come back
 * (resumed, or replayed) and a report sent again meanwhile is not taken for a duplicate.
 */
public final class CaseLedger extends ServiceSupport implements IdempotentRepository {

    private final IdempotentRepository durable;
    private final DeliveriesInFlight inFlightDeliveries;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public CaseLedger(IdempotentRepository durable, DeliveriesInFlight inFlightDeliveries) {
        this.durable = durable;
        this.inFlightDeliveries = inFlightDeliveries;
    }

    /**
     * A case whose email may already have reached its office (the hub stopped between sending and recording it) is not
     * sent again: it is answered as a duplicate, marked {@link HubProperties#DELIVERY_UNCERTAIN} for intake to park.
     */
    @Override
    public boolean add(Exchange exchange, String caseId) {
        if (inFlightDeliveries.isUncertain(caseId) && !durable.contains(caseId)) {
            exchange.setProperty(HubProperties.DELIVERY_UNCERTAIN, true);
            return false;
        }
        return add(caseId);
    }

    @Override
    public boolean add(String caseId) {
        if (!inFlight.add(caseId)) {
            return false;
        }
        if (durable.contains(caseId)) {
            inFlight.remove(caseId);
            return false;
        }
        return true;
    }

    /** A parked case (deferred or dead-lettered) completed its exchange but is not done: it is released, not recorded. */
    @Override
    public boolean confirm(Exchange exchange, String caseId) {
        if (isDuplicate(exchange)) {
            return true;
        }
        return exchange.getProperty(HubProperties.PARKED_AS) != null ? remove(caseId) : confirm(caseId);
    }

    @Override
    public boolean remove(Exchange exchange, String caseId) {
        return !isDuplicate(exchange) && remove(caseId);
    }

    private static boolean isDuplicate(Exchange exchange) {
        return exchange.getProperty(Exchange.DUPLICATE_MESSAGE, false, Boolean.class);
    }

    /** Recorded first, then its delivery is no longer in flight: a crash in between leaves a row the ledger resolves. */
    @Override
    public boolean confirm(String caseId) {
        try {
            durable.add(caseId);
            inFlightDeliveries.delivered(caseId);
            return true;
        } finally {
            inFlight.remove(caseId);
        }
    }

    @Override
    public boolean remove(String caseId) {
        return inFlight.remove(caseId);
    }

    @Override
    public boolean contains(String caseId) {
        return inFlight.contains(caseId) || durable.contains(caseId);
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("The case ledger is never cleared: it is the record of what was forwarded");
    }

    @Override
    protected void doStart() throws Exception {
        durable.start();
    }

    @Override
    protected void doStop() throws Exception {
        durable.stop();
    }
}
