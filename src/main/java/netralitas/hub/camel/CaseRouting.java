package netralitas.hub.camel;

import netralitas.hub.cases.RoutingDecision;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Severity;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * Route {@code route}: the decision its branch made (exchange properties hubDecision, hubTo, hubCc, hubPurpose) kept
 * on the case, where delivery and the digest read it, and which is parked and queued with the case.
 */
public final class CaseRouting {

    public void keep(@Body ViolationCase violationCase, @ExchangeProperty(HubProperties.DECISION) String decision,
                     @ExchangeProperty(HubProperties.TO) String to, @ExchangeProperty(HubProperties.CC) String cc,
                     @ExchangeProperty(HubProperties.PURPOSE) String purpose) {
        // SPEC §7: every BERAT mail is urgent to whoever receives it (triage, a central agency, Bawaslu too).
        boolean heavy = violationCase.getClassification() != null
                && violationCase.getClassification().severity() == Severity.BERAT;
        violationCase.setRoutingDecision(new RoutingDecision(decision, to, cc, purpose,
                heavy ? RoutingDecision.Priority.HIGH : RoutingDecision.Priority.NORMAL));
    }
}
