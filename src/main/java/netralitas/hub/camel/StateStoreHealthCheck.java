package netralitas.hub.camel;

import netralitas.hub.state.StateStore;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * Readiness follows the state store (SPEC §11): while it does not answer, /observe/health/ready is 503, so that a load
 * balancer or an orchestrator sends no work here; the node itself is alive and resumes when the store is back.
 */
public final class StateStoreHealthCheck extends AbstractHealthCheck {

    private final StateStore store;

    public StateStoreHealthCheck(StateStore store) {
        super("hub", "state-store");
        this.store = store;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("store", store.location());
        if (store.answers()) {
            builder.up();
        } else {
            builder.message("the state store does not answer").down();
        }
    }
}
