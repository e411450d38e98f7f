package netralitas.hub.camel;

import netralitas.hub.cases.RoutingDecision;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.state.CaseLedgerTable;
import netralitas.hub.state.DeliveriesInFlight;
import netralitas.hub.state.GroupCommit;
import netralitas.hub.state.StoreRetry;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idempotency store of the case pipeline (SPEC §1: the same report is never forwarded twice). A case id is claimed
 * when a case starts, in memory (two copies on this node) and in the state store (two nodes, SPEC §11), so that copies
 * processed at the same time cannot both pass, and written to the durable ledger only when the case completes (a
 * delivered case: with its follow-up row, {@link #recordWith}), so a crash mid-way leaves it to be processed again
 * rather than lost (another node takes over an expired claim). Used with {@code idempotentConsumer eager: true}:
 * add = claim, confirm = record, remove = release.
 * Camel also completes the duplicate's own exchange through confirm/remove; that must not touch the claim or the
 * record of the copy that is still in flight. A case the pipeline parked is not recorded, so that it can come back
 * (resumed, or replayed) and a report sent again meanwhile is not taken for a duplicate; only a case mail that failed
 * after its record (a LINKED step) is parked recorded, and comes back as a duplicate: its mail was accepted.
 */
public final class CaseLedger extends ServiceSupport implements IdempotentRepository {

    private final CaseLedgerTable durable;
    private final DeliveriesInFlight inFlightDeliveries;
    private final StoreRetry storeRetry;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Cases in flight that a route step recorded already ({@link #recordWith}): their confirm writes nothing. */
    private final Set<String> recordedEarly = ConcurrentHashMap.newKeySet();

    /** @param storeRetry how long a record waits for a state store that is away (no route step can redeliver it) */
    public CaseLedger(CaseLedgerTable durable, DeliveriesInFlight inFlightDeliveries, StoreRetry storeRetry) {
        this.durable = durable;
        this.inFlightDeliveries = inFlightDeliveries;
        this.storeRetry = storeRetry;
    }

    /**
     * A case whose email may already have reached its office (this node or another stopped between sending and
     * recording it) is not sent again: it is answered as a duplicate, marked {@link HubProperties#DELIVERY_UNCERTAIN}
     * for intake to park.
     */
    @Override
    public boolean add(Exchange exchange, String caseId) {
        if (inFlightDeliveries.isUncertain(caseId) && !durable.contains(caseId)) {
            exchange.setProperty(HubProperties.DELIVERY_UNCERTAIN, true);
            return false;
        }
        if (!inFlight.add(caseId)) {
            return false;
        }
        CaseLedgerTable.Claim claim;
        try {
            claim = claimDurably(caseId);
        } catch (RuntimeException e) {
            inFlight.remove(caseId);
            throw e;
        }
        switch (claim) {
            case CLAIMED:
                return true;
            case CLAIMED_IN_DOUBT:
                // A node that died while sending the case left its row: taken over here, the case is as uncertain.
                remove(caseId);
                exchange.setProperty(HubProperties.DELIVERY_UNCERTAIN, true);
                return false;
            default:
                inFlight.remove(caseId);
                return false;
        }
    }

    /** Not used: a case whose mail may have gone out is marked on its exchange ({@link #add(Exchange, String)}). */
    @Override
    public boolean add(String caseId) {
        throw new UnsupportedOperationException("The case ledger claims a case for its exchange: add(Exchange, key)");
    }

    /**
     * Recorded, in doubt, or claimed. A case another node is processing (SPEC §11) is waited for, not taken for a
     * duplicate: that node may die before it records it (a node that took over a drop file reads it again from the
     * start while the dead node's claims still run), and then this node takes the case over.
     */
    private CaseLedgerTable.Claim claimDurably(String caseId) {
        CaseLedgerTable.Claim claim;
        while ((claim = durable.claim(caseId)) == CaseLedgerTable.Claim.HELD_ELSEWHERE) {
            try {
                Thread.sleep(durable.recheckAfter().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while case " + caseId + " is processed by another node", e);
            }
        }
        return claim;
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

    /**
     * Records the case as handled now, from a route step, together with {@code alongside} in one transaction (route
     * deliver: the follow-up row), rather than when the case completes; the completion then writes nothing. A failure
     * is the step's, which its route tries again. The case stays in flight, and its accepted mail in doubt on this
     * node, until it completes: a step after this one that fails has the delivery retried without a second send.
     */
    public void recordWith(String caseId, GroupCommit.Write alongside) throws SQLException {
        durable.record(caseId, alongside);
        recordedEarly.add(caseId);
    }

    /** Recorded first, then its delivery is no longer in flight: a crash in between leaves a row the ledger resolves. */
    @Override
    public boolean confirm(String caseId) {
        try {
            if (!recordedEarly.remove(caseId)) {
                storeRetry.run("recording case " + caseId + " in the case ledger", () -> durable.record(caseId));
            }
            inFlightDeliveries.delivered(caseId);
            return true;
        } finally {
            inFlight.remove(caseId);
        }
    }

    @Override
    public boolean remove(String caseId) {
        recordedEarly.remove(caseId);
        if (!inFlight.remove(caseId)) {
            return false;
        }
        durable.release(caseId);
        return true;
    }

    /**
     * Whether the case went to a digest queue and was recorded then (intake records a RINGAN case when it is queued):
     * a case of a digest in doubt, parked as "delivery uncertain" (route digest-flush), which a replay queues again.
     */
    public boolean queuedForADigest(@Body ViolationCase violationCase) {
        RoutingDecision decision = violationCase.getRoutingDecision();
        return decision != null && "DIGEST".equals(decision.decision()) && durable.contains(violationCase.getCaseId());
    }

    @Override
    public boolean contains(String caseId) {
        return inFlight.contains(caseId) || durable.contains(caseId);
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("The case ledger is never cleared: it is the record of what was forwarded");
    }
}
