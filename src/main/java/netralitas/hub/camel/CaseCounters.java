package netralitas.hub.camel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import netralitas.hub.audit.AuditEventType;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Classification;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.report.Channel;
import org.apache.camel.CamelContext;

/**
 * The hub's counters on the metrics endpoint: {@code netralitas_cases_total{event, channel, severity, region}}, one
 * increment per audit event, so that what Prometheus shows and what the audit trail says are the same facts. Severity
 * and region are "-" until the case has them (a rejected row has neither).
 */
final class CaseCounters {

    private static final String NONE = "-";

    private volatile MeterRegistry registry;
    private volatile boolean lookedUp;

    void count(CamelContext context, AuditEventType event, Channel channel, ViolationCase violationCase) {
        MeterRegistry meters = registry(context);
        if (meters == null) {
            return;
        }
        Classification classification = violationCase == null ? null : violationCase.getClassification();
        RegionResolution resolution = violationCase == null ? null : violationCase.getRegionResolution();
        Counter.builder("netralitas.cases")
                .description("Audit events of the hub's cases, by event, channel, severity and region")
                .tag("event", event.name())
                .tag("channel", channel.name())
                .tag("severity", classification == null ? NONE : classification.severity().name())
                .tag("region", resolution == null || resolution.region() == null ? NONE : resolution.region().code())
                .register(meters)
                .increment();
    }

    /**
     * Created by camel-micrometer when the context starts, after this bean: looked up at the first event (the routes
     * run only once the context has started), and remembered, also when metrics are off.
     */
    private MeterRegistry registry(CamelContext context) {
        if (!lookedUp) {
            registry = context.getRegistry().findSingleByType(MeterRegistry.class);
            lookedUp = true;
        }
        return registry;
    }
}
