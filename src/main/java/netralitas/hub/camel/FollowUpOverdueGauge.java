package netralitas.hub.camel;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import netralitas.hub.state.FollowUpTable;
import org.apache.camel.CamelContext;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code netralitas_followup_overdue{region}} on the metrics endpoint (SPEC §12): per region, the forwarded cases past
 * their deadline that no final status (SELESAI, TIDAK TERBUKTI) finished, escalated or not; {@code -} for cases without
 * a region. Read from table FOLLOW_UP by route followup-overdue every few seconds, so every node of a cluster reports
 * the same store-wide value. A region once seen stays, at 0 when nothing there is overdue any more.
 */
public final class FollowUpOverdueGauge {

    private final FollowUpTable table;
    private final Clock clock;
    private final Map<String, Long> lastSeen = new TreeMap<>();
    private volatile MeterRegistry registry;
    private volatile boolean lookedUp;
    private MultiGauge gauge;

    public FollowUpOverdueGauge(FollowUpTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** Reads the overdue cases by region and publishes them; nothing when the hub runs without metrics. */
    public synchronized void refresh(CamelContext context) throws SQLException {
        MeterRegistry meters = registry(context);
        if (meters == null) {
            return;
        }
        if (gauge == null) {
            gauge = MultiGauge.builder("netralitas.followup.overdue")
                    .description("Forwarded cases past their follow-up deadline without SELESAI or TIDAK TERBUKTI, by"
                            + " region (- without one); read from the shared state store, so every node of a cluster"
                            + " reports the same store-wide value")
                    .register(meters);
        }
        Map<String, Long> overdue = table.overdueByRegion(clock.instant());
        lastSeen.replaceAll((region, count) -> 0L);
        lastSeen.putAll(overdue);
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        lastSeen.forEach((region, count) -> rows.add(MultiGauge.Row.of(Tags.of("region", region), count)));
        gauge.register(rows, true);
    }

    /**
     * Created by camel-micrometer when the context starts, after this bean: looked up until found, or until the context
     * has started without one (metrics off).
     */
    private MeterRegistry registry(CamelContext context) {
        if (!lookedUp) {
            registry = context.getRegistry().findSingleByType(MeterRegistry.class);
            lookedUp = registry != null || context.isStarted();
        }
        return registry;
    }
}
