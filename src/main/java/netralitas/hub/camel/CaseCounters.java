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
        Classification classification = violationCase == null ? null : violationCase.getClassification();
        RegionResolution resolution = violationCase == null ? null : violationCase.getRegionResolution();
        count(context, event, channel, classification == null ? null : classification.severity().name(),
                resolution == null || resolution.region() == null ? null : resolution.region().code());
    }

    /** The same with the severity's name and the region's code as they are, each null ("-") when not known. */
    void count(CamelContext context, AuditEventType event, Channel channel, String severity, String region) {
        MeterRegistry meters = registry(context);
        if (meters == null) {
            return;
        }
        Counter.builder("netralitas.cases")
                .description("Audit events of the hub's cases, by event, channel, severity and region")
                .tag("event", event.name())
                .tag("channel", channel == null ? NONE : channel.name())
                .tag("severity", severity == null ? NONE : severity)
                .tag("region", region == null ? NONE : region)
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
