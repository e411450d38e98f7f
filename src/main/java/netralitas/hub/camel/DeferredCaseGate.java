package netralitas.hub.camel;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Route {@code resume-deferred} takes deferred cases only while the BKN circuit is not open: while it is open they would
 * only be deferred again. Half open, the first of them are the calls that test whether BKN is back.
 */
public final class DeferredCaseGate implements GenericFileFilter<Object> {

    private final CircuitBreaker bkn;

    public DeferredCaseGate(CircuitBreaker bkn) {
        this.bkn = bkn;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        CircuitBreaker.State state = bkn.getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }
}
