package netralitas.hub.mail;

import netralitas.hub.cases.RoutingDecision;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.followup.CaseSummary;
import netralitas.hub.region.RegionResolution;

/**
 * The {@link CaseSummary} of a case being forwarded: each text as the case mail states it ({@link CaseFacts},
 * {@link SubjectLine}), so that its reminder and escalation, written from the summary months later, say the same.
 */
public final class CaseSummaries {

    private CaseSummaries() {
    }

    /** @param trailSource what the audit trail records as the case's source, or null when not known */
    public static CaseSummary of(ViolationCase c, String trailSource) {
        RoutingDecision decision = c.getRoutingDecision();
        RegionResolution resolution = c.getRegionResolution();
        return new CaseSummary(c.getCaseId(), SubjectLine.forCase(c), CaseView.text(c.getDisplayName()),
                CaseFacts.nip(c), CaseFacts.severityLabel(c),
                c.getClassification() == null || c.getClassification().category() == null ? CaseView.ABSENT
                        : CaseView.text(c.getClassification().category().label()),
                CaseFacts.placeName(c), c.getReport().incidentDate(),
                decision == null ? null : decision.to(), decision == null ? null : decision.cc(),
                resolution == null || resolution.kanreg() == null ? null : resolution.kanreg().id(),
                c.getReport().source() == null ? null : c.getReport().source().channel(), trailSource);
    }
}
