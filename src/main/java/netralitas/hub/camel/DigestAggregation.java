package netralitas.hub.camel;

import netralitas.hub.cases.ViolationCase;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.util.ArrayList;

/**
 * Collects a region's RINGAN cases into one list, the body of its daily digest. The list (not Camel's grouped-exchange
 * property) is the body because the JDBC aggregation repository persists bodies, so the digest survives a restart.
 */
public final class DigestAggregation implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange digest, Exchange newCase) {
        ViolationCase violationCase = newCase.getMessage().getBody(ViolationCase.class);
        if (digest == null) {
            ArrayList<ViolationCase> cases = new ArrayList<>();
            cases.add(violationCase);
            newCase.getMessage().setBody(cases);
            newCase.getMessage().removeHeaders("*");
            return newCase;
        }
        digest.getMessage().getBody(ArrayList.class).add(violationCase);
        return digest;
    }
}
