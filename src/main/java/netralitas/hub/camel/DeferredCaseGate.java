package netralitas.hub.camel;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Route {@code resume-deferred} takes deferred cases only while the BKN circuit is not open: while it is open they would
 * only be deferred again. Half open, the first of them are the calls that test whether BKN is back.
 */
public final class DeferredCaseGate {

    private final CircuitBreaker bkn;

    public DeferredCaseGate(CircuitBreaker bkn) {
        this.bkn = bkn;
    }

    /** Whether deferred cases may go back through intake now. */
    public boolean letsCasesThrough() {
        CircuitBreaker.State state = bkn.getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }
}
