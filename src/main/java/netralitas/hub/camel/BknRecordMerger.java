package netralitas.hub.camel;

import netralitas.hub.bkn.BknLookup;
import netralitas.hub.cases.ViolationCase;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** The content enricher's merge: BKN's answer goes into the case; nothing else of the HTTP exchange comes back. */
public final class BknRecordMerger implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange caseExchange, Exchange bknExchange) {
        if (bknExchange.getException() != null) {
            caseExchange.setException(bknExchange.getException());
            return caseExchange;
        }
        ViolationCase violationCase = caseExchange.getMessage().getBody(ViolationCase.class);
        BknLookup lookup = bknExchange.getMessage().getBody(BknLookup.class);
        if (lookup.found()) {
            violationCase.verified(lookup.employee());
        } else {
            violationCase.notFoundAtBkn();
        }
        return caseExchange;
    }
}
